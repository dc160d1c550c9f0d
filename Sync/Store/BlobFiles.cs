using System.Security.Cryptography;
using System.Text;
using Intake.Sync.Native;

namespace Intake.Sync.Store;

/// <summary>
/// The dossier files beside LiteDB (page images, PDFs, dossier.json): <c>blobs/&lt;sha256 of the plaintext&gt;</c>, each
/// sealed with <see cref="Sealer"/> (associated data: the hash). <see cref="Put"/> writes to a temporary name, fsyncs
/// it, renames it into place; <see cref="SyncFolder"/> then fsyncs the folder so the names survive a power cut. Only
/// after that does the store reference them. Same content, same name: a rewrite replaces it atomically.
/// </summary>
internal sealed class BlobFiles(string dataDirectory, Sealer sealer, Func<string, FileStreamOptions, Stream>? openForWrite = null)
{
    public const string FolderName = "blobs";
    private const string PartSuffix = ".part";

    public string Folder { get; } = Path.Combine(dataDirectory, FolderName);

    public static string HashOf(ReadOnlySpan<byte> plaintext) => Convert.ToHexStringLower(SHA256.HashData(plaintext));

    public string PathOf(string sha256) => Path.Combine(Folder, sha256);

    /// <summary>Seals and writes one file, durable once <see cref="SyncFolder"/> returns; returns its hash.</summary>
    /// <exception cref="IOException">The write failed (ENOSPC included); the temporary file is removed.</exception>
    public string Put(ReadOnlySpan<byte> plaintext)
    {
        var sha256 = HashOf(plaintext);
        var sealedBytes = sealer.Seal(plaintext, Encoding.ASCII.GetBytes(sha256));
        Directory.CreateDirectory(Folder);
        var temporary = PathOf(sha256) + "." + Guid.NewGuid().ToString("N") + PartSuffix;
        try
        {
            using (var stream = (openForWrite ?? ((path, options) => new FileStream(path, options)))(temporary, CreateOptions()))
            {
                stream.Write(sealedBytes);
                if (stream is FileStream file) file.Flush(flushToDisk: true);
                else stream.Flush();
            }

            File.Move(temporary, PathOf(sha256), overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return sha256;
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    /// <summary>fsync of the blobs folder (and the data folder that holds it): the renames are then on disk.</summary>
    public void SyncFolder()
    {
        Libc.FsyncPath(Folder);
        Libc.FsyncPath(dataDirectory);
    }

    /// <summary>The plaintext of one file, its hash verified.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="CryptographicException">Altered, or sealed with another key.</exception>
    /// <exception cref="InvalidDataException">Decrypts, but its hash is not its name.</exception>
    public byte[] Read(string sha256)
    {
        var plaintext = sealer.Open(File.ReadAllBytes(PathOf(sha256)), Encoding.ASCII.GetBytes(sha256));
        if (HashOf(plaintext) != sha256)
            throw new InvalidDataException($"blob {sha256}: content hash differs");
        return plaintext;
    }

    /// <summary>Every file name in the folder: hashes and leftover temporary files.</summary>
    public IEnumerable<string> Names() =>
        Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder).Select(Path.GetFileName).OfType<string>() : [];

    public static bool IsTemporary(string name) => name.EndsWith(PartSuffix, StringComparison.Ordinal);

    public void Delete(string name) => TryDelete(Path.Combine(Folder, name));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // collected at the next start
        }
    }
}
