using Intake.Dossiers.Package;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Intake.Kiosk.Host.Hardware.Printer;

/// <summary>
/// The receipt as a one-page PDF (80 mm wide, like the roll), the printer's fallback: the same lines and the same QR
/// code, in DejaVu Sans (every Vietnamese letter; <see cref="PackageFonts"/>).
/// </summary>
internal static class ReceiptPdf
{
    private const double Width = 80 / 25.4 * 72;   // 80 mm in points
    private const double Height = 140 / 25.4 * 72;

    /// <summary><c>receipt-&lt;dossier code&gt;.pdf</c>: the code names no person.</summary>
    public static string FileName(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var safe = string.Concat(receipt.DossierCode.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        return $"receipt-{safe}.pdf";
    }

    public static void Write(Receipt receipt, string path)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        PackageFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Biên nhận hồ sơ {receipt.DossierCode}";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(PackageFonts.Sans, 13, XFontStyleEx.Bold);
            var text = new XFont(PackageFonts.Sans, 8);
            var y = 24.0;
            Centered(graphics, "BIÊN NHẬN HỒ SƠ", title, ref y, 18);
            Centered(graphics, "Intake receipt", text, ref y, 16);
            foreach (var (label, value) in new[]
            {
                ("Mã hồ sơ / Dossier", receipt.DossierCode),
                ("Thủ tục / Procedure", receipt.ProcedureCode),
                ("Số CCCD / ID no.", receipt.MaskedIdNumber),
                ("Thời gian / Time", receipt.LocalTime),
            })
            {
                graphics.DrawString(label, text, XBrushes.Black, 12, y);
                graphics.DrawString(value, text, XBrushes.Black, new XRect(0, y - 8, Width - 12, 10), XStringFormats.TopRight);
                y += 13;
            }
            const double size = 120;
            DrawQr(graphics, receipt.QrPayload, (Width - size) / 2, y + 4, size);
            y += size + 18;
            Centered(graphics, "Quét mã để tra cứu / scan to look up", text, ref y, 12);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        document.Save(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static void Centered(XGraphics graphics, string line, XFont font, ref double y, double advance)
    {
        graphics.DrawString(line, font, XBrushes.Black, new XRect(0, y - font.Size, Width, font.Size + 2), XStringFormats.TopCenter);
        y += advance;
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
