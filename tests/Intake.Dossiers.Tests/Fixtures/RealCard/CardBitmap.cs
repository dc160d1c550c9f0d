using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Intake.Imaging;

namespace Intake.Dossiers.Tests.Fixtures.RealCard;

/// <summary>A card face rasterised from its SVG by librsvg (`rsvg-convert`, Debian librsvg2-bin): BGR rows, no padding.</summary>
public sealed record CardBitmap(byte[] Bgr, int Width, int Height, double PixelsPerMm)
{
    /// <summary>Oversampled against the 300 dpi page so turning and shrinking it does not alias the QR modules.</summary>
    public const int Dpi = 600;

    /// <summary>The MRZ face (Debian fonts-ocr-b). Without it fontconfig would quietly substitute another font.</summary>
    public const string OcrBFont = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

    public static CardBitmap Render(string svg)
    {
        if (!File.Exists(OcrBFont))
        {
            throw new FileNotFoundException("Thiếu phông OCR-B / the OCR-B font is missing: apt-get install fonts-ocr-b", OcrBFont);
        }

        var start = new ProcessStartInfo("rsvg-convert") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-d", Dpi.ToString(CultureInfo.InvariantCulture), "-p", Dpi.ToString(CultureInfo.InvariantCulture), "-f", "png" })
        {
            start.ArgumentList.Add(argument);
        }

        byte[] png;
        using (var process = Process.Start(start) ?? throw new InvalidOperationException("rsvg-convert did not start (apt-get install librsvg2-bin)"))
        {
            var error = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            process.StandardInput.Write(svg);
            process.StandardInput.Close();
            copy.Wait();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("rsvg-convert failed: " + error.Result);
            }

            png = output.ToArray();
        }

        using var source = ImageSource.FromBytes(png);
        using var decoded = source.Decode();
        if (decoded.Channels != 3)
        {
            throw new InvalidOperationException($"expected a colour card, got {decoded.Channels} channels");
        }

        var (width, height) = (decoded.Width, decoded.Height);
        var bgr = decoded.UsePixels(buffer =>
        {
            var rows = new byte[width * height * 3];
            for (var y = 0; y < height; y++)
            {
                Marshal.Copy(buffer.Data + (y * buffer.Stride), rows, y * width * 3, width * 3);
            }

            return rows;
        });
        return new CardBitmap(bgr, width, height, width / RealCardSvg.WidthMm);
    }
}
