using Intake.Dossiers;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// What the desk writes to the service log: dossier codes, field names, counts and exception types. Never a field's
/// value, an applicant's name or ID number, a staff member's name or a PIN (the log leaves the kiosk with the
/// technician; StaffSessionLogTests checks a whole session).
/// </summary>
internal static partial class DeskLog
{
    [LoggerMessage(LogLevel.Information, "desk scan: dossier {Code}, {Pages} pages, {Documents} documents, {Unsure} fields to review, {Refused} inputs refused")]
    public static partial void Scanned(ILogger log, DossierCode code, int pages, int documents, int unsure, int refused);

    [LoggerMessage(LogLevel.Warning, "desk scan refused: {Kind}")]
    public static partial void ScanRefused(ILogger log, string kind);

    [LoggerMessage(LogLevel.Information, "desk correction: dossier {Code} field {Field}, now version {Version}, by a {Role}")]
    public static partial void Corrected(ILogger log, string code, string field, int version, string? role);

    [LoggerMessage(LogLevel.Information, "staff sign-in: {Outcome}, role {Role}")]
    public static partial void SignIn(ILogger log, string outcome, string? role);
}
