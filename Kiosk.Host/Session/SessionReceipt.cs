using Intake.Kiosk.Host.Hardware.Printer;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// What the citizen takes away: the dossier's code, the procedure, the applicant's ID number and the time, also as
/// the QR code's payload <c>code|procedure|idNumber|time</c> (ISO 8601 with offset), and the printable PDF.
/// </summary>
internal sealed record SessionReceipt(string Code, string? ProcedureCode, string? ProcedureName, string? IdNumber, DateTimeOffset Time, byte[] QrPng, byte[] Pdf)
{
    public static string Payload(string code, string? procedureCode, string? idNumber, DateTimeOffset time) =>
        $"{code}|{procedureCode}|{idNumber}|{time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The receipt as the printer and the PDF print it (ID number masked, Vietnam's time).</summary>
    public Receipt Printable => new(Code, ProcedureCode ?? "", IdNumber ?? "", Time, Payload(Code, ProcedureCode, IdNumber, Time), ProcedureName);

    public void Wipe()
    {
        Array.Clear(QrPng);
        Array.Clear(Pdf);
    }
}
