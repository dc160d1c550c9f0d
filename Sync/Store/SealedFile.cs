using System.Security.Cryptography;
using System.Text;
using Intake.Sync.Native;

namespace Intake.Sync.Store;

/// <summary>
/// A small file of the kiosk's own beside the store (the staff roster: <c>staff.sealed</c>), sealed with the store's
/// key under the same rule as dossier.json (AES-256-GCM, <see cref="Sealer"/>; the associated data is the file's
/// name, so one sealed file cannot be passed off as another). Written to a temporary name, fsynced and renamed, so a
/// reader sees the old or the new file, never half of one. Needs no lock on the store: the store may be open in
/// another process meanwhile.
/// </summary>
public static class SealedFile
{
    /// <summary>The decrypted bytes of <c>DATA/<paramref name="name"/></c>; null when the file does not exist.</summary>
    /// <exception cref="StoreKeyException">The file exists but the key file is missing.</exception>
    /// <exception cref="StoreException">The file was altered or sealed with another key.</exception>
    public static byte[]? Read(StoreOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = PathOf(options, name);
        if (!File.Exists(path)) return null;
        var key = StoreKey.Load(options.KeyPath, mayCreate: false);
        try
        {
            return new Sealer(key.Bytes).Open(File.ReadAllBytes(path), Associated(name));
        }
        catch (CryptographicException e)
        {
            throw new StoreException(
                $"không giải mã được tệp {path} (bị sửa, hoặc khóa khác)",
                $"{path} cannot be decrypted (altered, or another key)", e);
        }
    }

    /// <summary>Seals <paramref name="plaintext"/> into <c>DATA/<paramref name="name"/></c> (mode 0600), creating the store's key when the store is still empty.</summary>
    public static void Write(StoreOptions options, string name, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.DataDirectory);
        var storeEmpty = !File.Exists(Path.Combine(options.DataDirectory, DossierStore.DatabaseFileName));
        var key = StoreKey.Load(options.KeyPath, mayCreate: storeEmpty);
        var sealedBytes = new Sealer(key.Bytes).Seal(plaintext, Associated(name));
        var path = PathOf(options, name);
        var temporary = path + ".part";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, fileOptions))
        {
            stream.Write(sealedBytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        Libc.FsyncPath(options.DataDirectory);
    }

    private static string PathOf(StoreOptions options, string name)
    {
        if (name.Length == 0 || name != Path.GetFileName(name)) throw new ArgumentException($"'{name}' is not a plain file name", nameof(name));
        return Path.Combine(options.DataDirectory, name);
    }

    private static byte[] Associated(string name) => Encoding.UTF8.GetBytes("file:" + name);
}
