namespace Intake.Kiosk.Host.Hardware.Printer;

/// <summary>How a receipt came out: printed on the device, or written as a PDF (its path) and why the device was not used.</summary>
internal sealed record PrintOutcome(bool Printed, string? PdfPath, string? Problem);

/// <summary>
/// Prints the intake receipt on the kiosk's ESC/POS roll printer by writing the job to its device file (usblp:
/// <c>/dev/usb/lp0</c>; the service user reaches it through the <c>lp</c> group). When the device is missing or the
/// write fails (unplugged, out of paper reported as EIO) the same receipt is written as a PDF for the screen or a
/// staff printer, so the applicant always leaves with one.
/// </summary>
internal sealed class ReceiptPrinter(PrinterOptions options, string dataDirectory)
{
    /// <summary>Where PDF receipts go: the configured folder, else <c>DATA/receipts</c>.</summary>
    public string PdfFolder => options.PdfFolder ?? Path.Combine(dataDirectory, "receipts");

    /// <summary>True when the printer's device file exists (a plain file counts: tests print into one).</summary>
    public static bool DeviceReady(string device) => File.Exists(device);

    /// <summary>True when the configured device file is there to print on.</summary>
    public bool HasDevice => DeviceReady(options.Device);

    public PrintOutcome Print(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        string problem;
        if (DeviceReady(options.Device))
        {
            try
            {
                var job = EscPos.Render(receipt, options.Columns);
                // FileMode.Open: a character device is never created or truncated; a test's plain file is written from its start.
                using (var device = new FileStream(options.Device, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0))
                {
                    device.Write(job);
                    device.Flush();
                }
                return new PrintOutcome(true, null, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"Máy in lỗi / the printer failed ({options.Device}): {e.Message}";
            }
        }
        else
        {
            problem = $"Không thấy máy in / no printer at {options.Device}";
        }
        var pdf = Path.Combine(PdfFolder, ReceiptPdf.FileName(receipt));
        ReceiptPdf.Write(receipt, pdf);
        return new PrintOutcome(false, pdf, problem);
    }
}
