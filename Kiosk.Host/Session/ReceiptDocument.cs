using Intake.Dossiers;
using Intake.Kiosk.Host.Hardware.Printer;
using QRCoder;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The citizen's receipt: the QR code (payload <see cref="SessionReceipt.Payload"/>) as a PNG for the screen, and the
/// same PDF the printer falls back to (<see cref="ReceiptPdf"/>) for the download.
/// </summary>
internal static class ReceiptDocument
{
    public static SessionReceipt Make(Dossier dossier, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var code = dossier.Code.ToString();
        var idNumber = dossier.Applicant.IdNumber?.Value;
        var receipt = new SessionReceipt(code, dossier.Procedure?.Code, dossier.Procedure?.Name, idNumber, time, [], []);
        var printable = receipt.Printable;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(printable.QrPayload, QRCodeGenerator.ECCLevel.M);
        return receipt with { QrPng = new PngByteQRCode(data).GetGraphic(8), Pdf = ReceiptPdf.Render(printable) };
    }
}
