namespace Intake.Kiosk.Host.Staff.Auth;

/// <summary>
/// One member of the desk as the roster keeps it: name (NFC), role (<see cref="StaffRoles"/>), the PIN's PBKDF2 salt,
/// hash and iteration count (<see cref="PinHash"/>), the wrong PINs in a row, whether the account is locked, and a
/// stamp that changes when the PIN is reset or the account is locked, so a cookie issued before stops working.
/// </summary>
public sealed record StaffMember(
    string Name, string Role, byte[] Salt, byte[] Hash, int Iterations, int Failures, bool Locked, string Stamp, DateTimeOffset AddedAt);

/// <summary>What one sign-in attempt came to. <paramref name="TriesLeft"/>: before the lock-out, after a wrong PIN.</summary>
public sealed record SignInResult(SignInOutcome Outcome, StaffMember? Member = null, int TriesLeft = 0);

public enum SignInOutcome
{
    SignedIn,
    WrongPin,
    Locked,
}
