using Intake.Dossiers.Package;
using Intake.Kiosk.Host.Session;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Intake.Kiosk.Host.Hardware.Printer;

/// <summary>
/// The receipt as a one-page PDF the size of an 80 mm × 160 mm piece of roll: the citizen's download on the screen,
/// and the printer's fallback. The same lines as the roll (<see cref="Receipt.Fields"/>) and the same QR code, in
/// DejaVu Sans (every Vietnamese letter; <see cref="PackageFonts"/>).
/// </summary>
internal static class ReceiptPdf
{
    private static readonly double Width = XUnit.FromMillimeter(80).Point;
    private static readonly double Height = XUnit.FromMillimeter(160).Point;
    private static readonly double QrSide = XUnit.FromMillimeter(40).Point;

    /// <summary><c>receipt-&lt;dossier code&gt;.pdf</c>: the code names no person.</summary>
    public static string FileName(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var safe = string.Concat(receipt.DossierCode.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        return $"receipt-{safe}.pdf";
    }

    /// <summary>Writes the PDF to <paramref name="path"/> through a temporary file, so a reader never sees half of it.</summary>
    public static void Write(Receipt receipt, string path)
    {
        var bytes = Render(receipt);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The PDF's bytes.</summary>
    public static byte[] Render(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        PackageFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"{Receipt.Title} {receipt.DossierCode}";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(PackageFonts.Sans, 11, XFontStyleEx.Bold);
            var body = new XFont(PackageFonts.Sans, 8.5, XFontStyleEx.Regular);
            var strong = new XFont(PackageFonts.Sans, 10, XFontStyleEx.Bold);
            var y = 14.0;
            void Line(string text, XFont font, double step)
            {
                graphics.DrawString(text, font, XBrushes.Black, new XRect(8, y, Width - 16, step), XStringFormats.TopCenter);
                y += step;
            }

            Line(Receipt.Title, title, 15);
            Line(Receipt.TitleInEnglish, body, 16);
            foreach (var (label, value) in receipt.Fields)
            {
                Line(label, body, 13);
                Line(value, strong, 18);
            }
            DrawQr(graphics, receipt.QrPayload, (Width - QrSide) / 2, y + 2, QrSide);
            y += QrSide + 10;
            Line(Receipt.LookUp, body, 12);
            Line(CitizenTexts.Get("receipt.note", CitizenTexts.Vietnamese), body, 12);
            Line(CitizenTexts.Get("receipt.note", CitizenTexts.English), body, 12);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>The QR code (error correction M, as on the roll) drawn as vector squares: sharp at any zoom or printer.</summary>
    private static void DrawQr(XGraphics graphics, string payload, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var module = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules[row].Length; column++)
                if (modules[row][column]) graphics.DrawRectangle(XBrushes.Black, x + column * module, y + row * module, module, module);
    }
}
