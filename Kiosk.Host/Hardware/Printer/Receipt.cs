namespace Intake.Kiosk.Host.Hardware.Printer;

/// <summary>
/// What the intake receipt says: the dossier's code (<c>KIOSK-yymmdd-NNNN</c>), the procedure's code in the national
/// catalogue (e.g. 1.001193), the applicant's ID number (printed masked, see <see cref="MaskedIdNumber"/>), the time
/// the dossier was accepted, and the QR code's payload (the lookup the applicant scans later).
/// </summary>
internal sealed record Receipt(string DossierCode, string ProcedureCode, string ApplicantIdNumber, DateTimeOffset AcceptedAt, string QrPayload)
{
    /// <summary>
    /// The ID number with all but its last 4 characters replaced by '*': a receipt forgotten in the kiosk's tray must not
    /// hand the next person a full citizen ID number; the applicant recognises their own from the last digits.
    /// </summary>
    public string MaskedIdNumber => ApplicantIdNumber.Length <= 4
        ? ApplicantIdNumber
        : new string('*', ApplicantIdNumber.Length - 4) + ApplicantIdNumber[^4..];

    /// <summary>The acceptance time in Vietnam's time (UTC+7, no daylight saving), dd/MM/yyyy HH:mm as printed.</summary>
    public string LocalTime => AcceptedAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
