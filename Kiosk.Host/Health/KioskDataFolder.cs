namespace Intake.Kiosk.Host.Health;

/// <summary>
/// The kiosk's data folder as this host was given it (`intake serve --data`, else INTAKE_DATA, else ./data), absolute:
/// the store, the enrolment (central/kiosk.json), PDF receipts. Readiness, metrics and the technician page look there.
/// </summary>
internal sealed record KioskDataFolder(string Path);
