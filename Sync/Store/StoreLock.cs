using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Intake.Sync.Native;

namespace Intake.Sync.Store;

/// <summary>
/// The store's one-writer guarantee: an exclusive <c>flock(LOCK_EX|LOCK_NB)</c> on <c>store.lock</c> beside the data,
/// held from open to dispose, with the holder's process id written inside. LiteDB's direct mode takes only a shared
/// lock on its data file, so without this a second process could open the same file: measured here, that lost half the
/// inserts in one run and left a corrupt file in another. The kernel drops the lock when the holder dies (SIGKILL
/// included), so a stale file never blocks.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    public const string FileName = "store.lock";
    private int _fd;

    private StoreLock(int fd) => _fd = fd;

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another holder to let go.</summary>
    /// <exception cref="StoreInUseException">Another process still holds it after the wait.</exception>
    public static StoreLock Acquire(string dataDirectory, TimeSpan wait)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var fd = Libc.Open(path, Libc.ReadWrite | Libc.Create | Libc.CloseOnExec, Convert.ToInt32("600", 8));
            if (fd < 0)
                throw new StoreException($"không mở được {path}", $"cannot open {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            if (Libc.Flock(fd, Libc.LockExclusive | Libc.LockNonBlocking) == 0)
            {
                WriteProcessId(fd);
                return new StoreLock(fd);
            }

            var errno = Marshal.GetLastPInvokeError();
            var holder = errno == Libc.WouldBlock ? ReadProcessId(fd) : null;
            _ = Libc.Close(fd);
            if (errno != Libc.WouldBlock)
                throw new StoreException($"không khóa được {path}", $"cannot lock {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
            if (DateTime.UtcNow >= deadline)
                throw new StoreInUseException(holder, path);
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        if (_fd > 0)
        {
            // closing the descriptor releases the flock
            _ = Libc.Close(_fd);
            _fd = 0;
        }
    }

    private static unsafe void WriteProcessId(int fd)
    {
        var text = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        _ = Libc.Ftruncate(fd, 0);
        fixed (byte* bytes = text)
            _ = Libc.Pwrite(fd, bytes, (nuint)text.Length, 0);
    }

    private static unsafe int? ReadProcessId(int fd)
    {
        var buffer = new byte[32];
        nint read;
        fixed (byte* bytes = buffer)
            read = Libc.Pread(fd, bytes, (nuint)buffer.Length, 0);
        return read > 0 && int.TryParse(Encoding.ASCII.GetString(buffer, 0, (int)read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }
}
