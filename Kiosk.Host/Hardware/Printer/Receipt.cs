using System.Globalization;
using Intake.Kiosk.Host.Session;

namespace Intake.Kiosk.Host.Hardware.Printer;

/// <summary>
/// What the intake receipt says: the dossier's code (<c>KIOSK-yymmdd-NNNN</c>), the procedure's code in the national
/// catalogue (e.g. 1.001193) and its name when known, the applicant's ID number (printed masked, see
/// <see cref="MaskedIdNumber"/>), the time the dossier was accepted, and the QR code's payload (the lookup the
/// applicant scans later). The roll (<see cref="EscPos"/>) and the PDF (<see cref="ReceiptPdf"/>) print the same
/// lines, whose labels come from CitizenTexts.resx, Vietnamese then English.
/// </summary>
internal sealed record Receipt(string DossierCode, string ProcedureCode, string ApplicantIdNumber, DateTimeOffset AcceptedAt, string QrPayload, string? ProcedureName = null)
{
    private static readonly CultureInfo VietnameseCulture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The ID number with all but its last 4 characters replaced by '*': a receipt forgotten in the kiosk's tray must not
    /// hand the next person a full citizen ID number; the applicant recognises their own from the last digits.
    /// </summary>
    public string MaskedIdNumber => ApplicantIdNumber.Length <= 4
        ? ApplicantIdNumber
        : new string('*', ApplicantIdNumber.Length - 4) + ApplicantIdNumber[^4..];

    /// <summary>The acceptance time in Vietnam's time (UTC+7, no daylight saving), dd/MM/yyyy HH:mm as printed.</summary>
    public string LocalTime => AcceptedAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The heading in Vietnamese capitals, e.g. "PHIẾU TIẾP NHẬN HỒ SƠ".</summary>
    public static string Title => CitizenTexts.Get("receipt.title", CitizenTexts.Vietnamese).ToUpper(VietnameseCulture);

    /// <summary>The heading in English, printed under <see cref="Title"/>.</summary>
    public static string TitleInEnglish => CitizenTexts.Get("receipt.title", CitizenTexts.English);

    /// <summary>The line under the QR code.</summary>
    public static string LookUp => Both("receipt.lookup");

    /// <summary>The fields in print order: label ("Vietnamese / English") and value.</summary>
    public IReadOnlyList<(string Label, string Value)> Fields =>
    [
        (Both("receipt.code"), DossierCode),
        (Both("receipt.procedure"), ProcedureName is { Length: > 0 } name ? $"{ProcedureCode} {name}" : ProcedureCode),
        (Both("receipt.idNumber"), MaskedIdNumber),
        (Both("receipt.time"), LocalTime),
    ];

    private static string Both(string key) => $"{CitizenTexts.Get(key, CitizenTexts.Vietnamese)} / {CitizenTexts.Get(key, CitizenTexts.English)}";
}
