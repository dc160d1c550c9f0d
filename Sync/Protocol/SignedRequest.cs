using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Sync.Protocol;

/// <summary>
/// How a kiosk signs every request to the centre, and what the centre checks: ECDSA P-256 with SHA-256 (FIPS 186-4),
/// signature in IEEE P1363 form (r‖s, 64 bytes, base64), over the canonical string
/// <c>METHOD \n PATH?QUERY \n lowercase-hex SHA-256 of the body \n timestamp (Unix seconds) \n nonce</c>.
/// The centre refuses a timestamp more than <see cref="AllowedSkew"/> away from its clock and a nonce it has seen.
/// </summary>
public static class SignedRequest
{
    public const string KioskHeader = "Intake-Kiosk";
    public const string TimestampHeader = "Intake-Timestamp";
    public const string NonceHeader = "Intake-Nonce";
    public const string SignatureHeader = "Intake-Signature";

    /// <summary>±5 minutes: the rule for a stale request.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    /// <summary>SHA-256 of no bytes: GET, HEAD, DELETE and OPTIONS sign this.</summary>
    public static readonly string EmptyBodySha256 = Sha256Hex([]);

    public static string Canonical(string method, string pathAndQuery, string bodySha256Hex, long unixSeconds, string nonce) =>
        string.Join('\n', method.ToUpperInvariant(), pathAndQuery, bodySha256Hex, unixSeconds.ToString(CultureInfo.InvariantCulture), nonce);

    public static string Sign(ECDsa key, string canonical)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(canonical), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>False for a malformed or wrong signature; never throws for bad input.</summary>
    public static bool Verify(ECDsa key, string canonical, string signatureBase64)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = new byte[64];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var written) || written != 64) return false;
        return key.VerifyData(Encoding.UTF8.GetBytes(canonical), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The public half as the centre stores it: SubjectPublicKeyInfo (RFC 5280), base64.</summary>
    public static string ExportPublicKey(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Reads a stored public key; null when it is not a P-256 key.</summary>
    public static ECDsa? ImportPublicKey(string subjectPublicKeyInfoBase64)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(subjectPublicKeyInfoBase64), out _);
            if (key.KeySize != 256) { key.Dispose(); return null; }
            return key;
        }
        catch (FormatException) { key.Dispose(); return null; }
        catch (CryptographicException) { key.Dispose(); return null; }
    }
}
