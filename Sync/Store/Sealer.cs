using System.Security.Cryptography;

namespace Intake.Sync.Store;

/// <summary>
/// AES-256-GCM (NIST SP 800-38D) for everything personal at rest: blob files and the sealed fields in LiteDB.
/// Layout: "IKS1" (4 bytes) | nonce (12, random) | tag (16) | ciphertext (as long as the plaintext). The associated
/// data binds a ciphertext to where it belongs (a blob's hash, a dossier version's id), so one cannot be swapped for
/// another. Random 96-bit nonces stay far below SP 800-38D's 2^32 invocations per key for a kiosk's lifetime.
/// </summary>
internal sealed class Sealer(byte[] key)
{
    public const int Overhead = Header + NonceSize + TagSize;
    private const int Header = 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Magic = "IKS1"u8.ToArray();

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associated)
    {
        var sealedBytes = new byte[Overhead + plaintext.Length];
        Magic.CopyTo(sealedBytes, 0);
        var nonce = sealedBytes.AsSpan(Header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plaintext, sealedBytes.AsSpan(Overhead), sealedBytes.AsSpan(Header + NonceSize, TagSize), associated);
        return sealedBytes;
    }

    /// <exception cref="CryptographicException">Not sealed with this key and associated data, or altered.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated)
    {
        if (sealedBytes.Length < Overhead || !sealedBytes[..Header].SequenceEqual(Magic))
            throw new CryptographicException("not an IKS1 sealed value");
        var plaintext = new byte[sealedBytes.Length - Overhead];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Decrypt(sealedBytes.Slice(Header, NonceSize), sealedBytes[Overhead..], sealedBytes.Slice(Header + NonceSize, TagSize), plaintext, associated);
        return plaintext;
    }
}
