using System.Globalization;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The citizen's receipt: the QR code (payload <see cref="SessionReceipt.Payload"/>) as a PNG for the screen, and a
/// PDF the size of an 80 mm receipt roll, Vietnamese then English, for the printer.
/// </summary>
internal static class ReceiptDocument
{
    public static SessionReceipt Make(Dossier dossier, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var code = dossier.Code.ToString();
        var idNumber = dossier.Applicant.IdNumber?.Value;
        var payload = SessionReceipt.Payload(code, dossier.Procedure?.Code, idNumber, time);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return new SessionReceipt(code, dossier.Procedure?.Code, dossier.Procedure?.Name, idNumber, time, png, Pdf(code, dossier.Procedure, idNumber, time, data));
    }

    private static byte[] Pdf(string code, ProcedureRef? procedure, string? idNumber, DateTimeOffset time, QRCodeData qr)
    {
        PackageFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"{CitizenTexts.Get("receipt.title", CitizenTexts.Vietnamese)} {code}";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(80);
        page.Height = XUnit.FromMillimeter(160);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var title = new XFont(PackageFonts.Sans, 11, XFontStyleEx.Bold);
            var body = new XFont(PackageFonts.Sans, 8.5, XFontStyleEx.Regular);
            var strong = new XFont(PackageFonts.Sans, 10, XFontStyleEx.Bold);
            var y = 14.0;
            void Line(string text, XFont font, double step = 13)
            {
                gfx.DrawString(text, font, XBrushes.Black, new XRect(8, y, width - 16, step), XStringFormats.TopCenter);
                y += step;
            }
            string Both(string key) => $"{CitizenTexts.Get(key, CitizenTexts.Vietnamese)} / {CitizenTexts.Get(key, CitizenTexts.English)}";

            Line(CitizenTexts.Get("receipt.title", CitizenTexts.Vietnamese).ToUpper(CultureInfo.GetCultureInfo("vi-VN")), title, 15);
            Line(CitizenTexts.Get("receipt.title", CitizenTexts.English), body, 16);
            Line(Both("receipt.code"), body);
            Line(code, strong, 18);
            Line(Both("receipt.procedure"), body);
            Line($"{procedure?.Code} {procedure?.Name}", strong, 18);
            Line(Both("receipt.idNumber"), body);
            Line(idNumber ?? "-", strong, 18);
            Line(Both("receipt.time"), body);
            Line(time.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), strong, 20);
            // the QR code drawn as vector modules: sharp at any printer resolution
            var side = XUnit.FromMillimeter(40).Point;
            var modules = qr.ModuleMatrix;
            var module = side / modules.Count;
            var left = (width - side) / 2;
            for (var row = 0; row < modules.Count; row++)
                for (var column = 0; column < modules[row].Count; column++)
                    if (modules[row][column]) gfx.DrawRectangle(XBrushes.Black, left + (column * module), y + (row * module), module, module);
            y += side + 8;
            Line(CitizenTexts.Get("receipt.note", CitizenTexts.Vietnamese), body, 12);
            Line(CitizenTexts.Get("receipt.note", CitizenTexts.English), body, 12);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
