using Intake.Kiosk.Host.Hardware.Printer;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The citizen's receipt to paper: on the kiosk's ESC/POS roll printer when it has one (Hardware/Printer); without
/// one the screen offers the receipt PDF and nothing is written to disk (a PDF left behind would name the applicant).
/// </summary>
internal static class ReceiptPrinting
{
    public static void Print(SessionReceipt receipt, ReceiptPrinter printer, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(printer);
        if (!printer.HasDevice)
        {
            SessionLog.ReceiptNotPrinted(log, receipt.Pdf.Length);
            return;
        }
        var outcome = printer.Print(receipt.Printable);
        if (outcome.Printed) SessionLog.ReceiptPrinted(log, receipt.Code);
        else SessionLog.ReceiptPrintFailed(log, receipt.Code, outcome.Problem ?? "");
    }
}
