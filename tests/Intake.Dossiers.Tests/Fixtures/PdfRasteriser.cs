using System.Diagnostics;
using System.Globalization;
using Intake.Imaging;

namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>PDF pages as colour images by poppler's pdftoppm, as a scanner would see the printed page.</summary>
public static class PdfRasteriser
{
    public static Image Rasterise(byte[] pdf, int dpi = 300)
    {
        var folder = Directory.CreateTempSubdirectory("intake-fixture-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var argument in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-singlefile", "-png", input, Path.Combine(folder.FullName, "out") })
            {
                start.ArgumentList.Add(argument);
            }

            using (var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start"))
            {
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException("pdftoppm failed: " + error);
                }
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
