using System.Globalization;
using Intake.Imaging;
using Intake.TestSupport;

namespace Intake.Ocr.Tests.Orientation;

/// <summary>Corpus pages for the orientation tests: image files decoded, PDF pages rasterised with pdftoppm (which applies /Rotate).</summary>
internal static class OrientationCorpus
{
    public static Image Load(string folder, string file, int page = 0)
    {
        using var source = ImageSource.Open(Corpus.File(folder, file));
        return source.Decode(page);
    }

    /// <summary>Page <paramref name="page"/> (1-based) of a corpus PDF at <paramref name="dpi"/>.</summary>
    public static Image Rasterise(string folder, string pdf, int page, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("intake-osd-");
        try
        {
            var number = page.ToString(CultureInfo.InvariantCulture);
            ExternalTool.Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number, "-png", Corpus.File(folder, pdf), Path.Combine(dir.FullName, "page"));
            using var source = ImageSource.Open(Directory.GetFiles(dir.FullName, "*.png").Single());
            using var decoded = source.Decode();
            return decoded.WithDpi(dpi, dpi);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
