using System.Diagnostics;
using Intake.TestSupport;

namespace Intake.Imaging.Tests.Cleanup;

/// <summary>Corpus pages for the cleanup tests: image files decoded, PDFs rasterised with pdftoppm into a temp dir.</summary>
internal static class CleanupCorpus
{
    public static Image Load(params string[] parts)
    {
        using var source = ImageSource.Open(Corpus.File(parts));
        return source.Decode();
    }

    /// <summary>Page <paramref name="page"/> (1-based) of a corpus PDF at <paramref name="dpi"/>.</summary>
    public static Image Rasterise(string folder, string pdf, int page, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("intake-cleanup-");
        try
        {
            var prefix = Path.Combine(dir.FullName, "page");
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var arg in new[] { "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", Corpus.File(folder, pdf), prefix })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("pdftoppm failed: " + error);
            var png = Directory.GetFiles(dir.FullName, "*.png").Single();
            using var source = ImageSource.Open(png);
            return source.Decode().WithDpi(dpi, dpi);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The image's rows copied out as bytes (stride = width * channels).</summary>
    public static byte[] Pixels(Image image) => image.UsePixels(buffer =>
    {
        var rowBytes = buffer.Width * buffer.BytesPerPixel;
        var bytes = new byte[rowBytes * buffer.Height];
        for (var y = 0; y < buffer.Height; y++)
            System.Runtime.InteropServices.Marshal.Copy(buffer.Data + y * buffer.Stride, bytes, y * rowBytes, rowBytes);
        return bytes;
    });
}
