namespace Intake.Central.Storage;

/// <summary>
/// Blob bytes on disk under the centre's data folder, one file per tus upload (<c>blobs/ab/abcdef…</c>). Upload ids are
/// the centre's own (32 hex digits), never a client's name, so no path can leave the folder. The interface is what an
/// S3-compatible store would implement for a multi-node centre (docs/scaling.md).
/// </summary>
public sealed class BlobStore
{
    private readonly string root;

    public BlobStore(string root)
    {
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(this.root);
    }

    public string Root => root;

    private string PathOf(string uploadId)
    {
        if (uploadId.Length != 32 || !uploadId.All(Uri.IsHexDigit))
            throw new ArgumentException("not an upload id", nameof(uploadId));
        return Path.Combine(root, uploadId[..2], uploadId);
    }

    /// <summary>
    /// Writes <paramref name="chunk"/> at <paramref name="offset"/>, dropping anything past it first (bytes a crashed
    /// request left beyond the recorded offset), and flushes to disk before returning.
    /// </summary>
    public async Task WriteAtAsync(string uploadId, long offset, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var path = PathOf(uploadId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            stream.SetLength(offset);
            stream.Position = offset;
            await stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    public Stream OpenRead(string uploadId) =>
        new FileStream(PathOf(uploadId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Lowercase hex SHA-256 of the first <paramref name="length"/> bytes.</summary>
    public async Task<string> Sha256Async(string uploadId, long length, CancellationToken cancellationToken)
    {
        var stream = OpenRead(uploadId);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length != length) return "";
            var hash = await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }

    public void Delete(string uploadId)
    {
        var path = PathOf(uploadId);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>How many blob files exist (tests prove a refused request stored nothing).</summary>
    public int Count() => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count();
}
