using System.Diagnostics;
using System.Globalization;
using Intake.Imaging;

namespace Intake.Bench.PageGenerator;

/// <summary>PDF pages as images, by poppler's pdftoppm (which applies the page's /Rotate, as a viewer would).</summary>
public static class PdfRaster
{
    /// <summary>Page <paramref name="page"/> (1-based) of <paramref name="pdfPath"/> at <paramref name="dpi"/>, 8-bit grey or colour.</summary>
    public static Image Rasterise(string pdfPath, int dpi, int page = 1, bool grey = false)
    {
        var folder = Directory.CreateTempSubdirectory("intake-raster-");
        try
        {
            var number = page.ToString(CultureInfo.InvariantCulture);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            string[] arguments = ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number, "-singlefile", "-png", .. grey ? new[] { "-gray" } : [], pdfPath, Path.Combine(folder.FullName, "out")];
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using (var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start"))
            {
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) throw new InvalidOperationException("pdftoppm failed: " + error);
            }
            using var source = ImageSource.Open(Path.Combine(folder.FullName, "out.png"));
            using var decoded = source.Decode();
            return decoded.WithDpi(dpi, dpi);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
