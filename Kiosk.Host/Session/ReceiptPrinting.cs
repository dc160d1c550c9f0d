namespace Intake.Kiosk.Host.Session;

/// <summary>
/// Where the receipt PDF goes to paper. The receipt printer belongs to the hardware work (ESC/POS, Kiosk.Host/Hardware);
/// until it is composed here the receipt is shown and offered as a PDF only.
/// </summary>
internal static class ReceiptPrinting
{
    public static void Print(byte[] pdf, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        SessionLog.ReceiptNotPrinted(log, pdf.Length);
    }
}
