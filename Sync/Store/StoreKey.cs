using System.Security.Cryptography;

namespace Intake.Sync.Store;

/// <summary>
/// The store's 256-bit AES key, in a file of its own (32 raw bytes, mode 0600: the service user only), never in the
/// LiteDB file and never logged. Created at the first start of an empty store; when the store already holds data and
/// the file is gone, opening fails with <see cref="StoreKeyException"/> rather than reading garbage or starting over.
/// <see cref="Id"/> (the first 8 bytes of the key's SHA-256, hex) is kept in the store to tell a wrong key from a missing one.
/// The key's life (backup, rotation, loss): docs/operations.md.
/// </summary>
internal sealed class StoreKey
{
    public const string DefaultFileName = "store.key";
    public const int Length = 32;

    private StoreKey(byte[] bytes, string path)
    {
        Bytes = bytes;
        Path = path;
        Id = Convert.ToHexStringLower(SHA256.HashData(bytes)[..8]);
    }

    public byte[] Bytes { get; }

    public string Path { get; }

    public string Id { get; }

    /// <summary>Reads the key; creates it when <paramref name="mayCreate"/> (a store with no data yet).</summary>
    public static StoreKey Load(string path, bool mayCreate)
    {
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length != Length)
                throw new StoreKeyException($"tệp khóa {path} không phải khóa {Length} byte", $"the key file {path} is not a {Length}-byte key");
            return new StoreKey(bytes, path);
        }

        if (!mayCreate)
        {
            throw new StoreKeyException(
                $"thiếu khóa mã hóa {path}: dữ liệu đã lưu không đọc được; hãy khôi phục tệp khóa từ bản sao lưu (docs/operations.md)",
                $"the encryption key {path} is missing: the stored data cannot be read; restore the key file from its backup (docs/operations.md)");
        }

        var key = RandomNumberGenerator.GetBytes(Length);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // created 0600, never readable by others even for an instant
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(key);
            stream.Flush(flushToDisk: true);
        }

        Native.Libc.FsyncPath(System.IO.Path.GetDirectoryName(path)!);
        return new StoreKey(key, path);
    }
}
