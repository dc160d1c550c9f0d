using System.Runtime.InteropServices;

namespace Intake.Sync.Native;

/// <summary>
/// The few libc calls the store needs and .NET does not offer: an exclusive non-blocking <c>flock</c> that a second
/// opener can detect without being blocked itself, and <c>fsync</c> of a file or folder named by path (LiteDB keeps its
/// own handles; Linux flushes an inode's dirty pages whichever descriptor asks). Flags are the Linux generic values
/// (x86-64 and arm64 share them).
/// </summary>
internal static partial class Libc
{
    public const int ReadOnly = 0x0;
    public const int ReadWrite = 0x2;
    public const int Create = 0x40;
    public const int CloseOnExec = 0x80000;
    public const int LockExclusive = 2;
    public const int LockNonBlocking = 4;
    public const int WouldBlock = 11;
    public const int NoSuchFile = 2;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    public static unsafe partial nint Pwrite(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    public static unsafe partial nint Pread(int fd, byte* buffer, nuint count, long offset);

    /// <summary>fsync of the file or folder at <paramref name="path"/>; false when it does not exist.</summary>
    /// <exception cref="IOException">open or fsync failed (EIO: the data did not reach the disk).</exception>
    public static bool FsyncPath(string path)
    {
        var fd = Open(path, ReadOnly | CloseOnExec, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == NoSuchFile) return false;
            throw new IOException($"open {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"fsync {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            return true;
        }
        finally
        {
            _ = Close(fd);
        }
    }
}
