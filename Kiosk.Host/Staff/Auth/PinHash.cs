using System.Security.Cryptography;
using System.Text;

namespace Intake.Kiosk.Host.Staff.Auth;

/// <summary>
/// A staff PIN as PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) with a 16-byte random salt per member and 600,000 iterations
/// (OWASP Password Storage Cheat Sheet, 2023, for PBKDF2-HMAC-SHA256; the issue asks for at least 100,000). The
/// iteration count is stored with each hash, so raising it later does not lock anyone out. A PIN is 6 to 12 digits:
/// with the lock-out after 5 failures, a guesser has 5 tries in a million.
/// </summary>
public static class PinHash
{
    public const int Iterations = 600_000;
    public const int MinLength = 6;
    public const int MaxLength = 12;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Null when the PIN is acceptable, else why not (Vietnamese / English).</summary>
    public static string? Problem(string? pin) =>
        pin is null || pin.Length < MinLength || pin.Length > MaxLength || !pin.All(char.IsAsciiDigit)
            ? $"Mã PIN phải gồm {MinLength} đến {MaxLength} chữ số / the PIN must be {MinLength} to {MaxLength} digits"
            : null;

    public static (byte[] Salt, byte[] Hash) Create(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Derive(pin, salt, Iterations));
    }

    /// <summary>Compares in constant time.</summary>
    public static bool Verify(string pin, byte[] salt, byte[] expected, int iterations) =>
        CryptographicOperations.FixedTimeEquals(Derive(pin, salt, iterations), expected);

    private static byte[] Derive(string pin, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
