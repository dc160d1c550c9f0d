using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Sane;

/// <summary>
/// A lease on libsane's process-wide state. sane_init runs when the first lease is taken and sane_exit
/// when the last is returned; every open device holds a lease of its own, so SANE is never torn down
/// under an open handle. Session-level calls (list, open, close, restart) are serialised by one lock;
/// a device's own calls run on whichever single thread owns that device.
/// </summary>
public sealed class SaneSession : IDisposable
{
    private static readonly Lock Gate = new();
    private static int _leases;
    private static int _openDevices;
    private static int _versionCode;
    private bool _disposed;

    private SaneSession()
    {
    }

    /// <summary>The backend version sane_init reported (major.minor.build).</summary>
    public static Version? BackendVersion
    {
        get
        {
            lock (Gate)
                return _leases == 0 ? null : new Version((_versionCode >> 24) & 0xff, (_versionCode >> 16) & 0xff, _versionCode & 0xffff);
        }
    }

    /// <summary>
    /// True when the backend-thread guard is preloaded (LD_PRELOAD=libintake_scanner.so). Without it a
    /// cancelled scan can deadlock the process in backends built on sanei_thread, SANE's test backend
    /// among them; ./intake and the systemd unit preload it.
    /// </summary>
    public static bool BackendThreadsGuarded => BackendThreadGuard.IsPreloaded;

    public static SaneSession Acquire()
    {
        lock (Gate)
        {
            if (_leases == 0) Initialize();
            _leases++;
            return new SaneSession();
        }
    }

    /// <summary>Lists the devices the backends can see now. Network backends may take seconds.</summary>
    public IReadOnlyList<SaneDeviceInfo> GetDevices(bool localOnly = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (Gate)
            return SaneDeviceList.Read(localOnly);
    }

    public SaneDevice OpenDevice(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (Gate)
        {
            var status = SaneNative.Open(name, out var handle);
            if (status != SaneStatus.Good)
            {
                handle.Dispose();
                throw new SaneException(status, $"sane_open {name}");
            }
            _openDevices++;
            _leases++;
            return new SaneDevice(handle, name, new SaneSession());
        }
    }

    /// <summary>
    /// sane_exit then sane_init, so the dll backend re-reads its configuration and every backend
    /// re-probes its bus: the only portable way to see a scanner that was unplugged and plugged back.
    /// Refused (false) while any device is open, because their handles would dangle.
    /// </summary>
    public bool TryRestart()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (Gate)
        {
            if (_openDevices > 0) return false;
            SaneNative.Exit();
            Initialize();
            return true;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (Gate)
        {
            if (--_leases == 0) SaneNative.Exit();
        }
    }

    internal static void Close(SaneDeviceHandle handle)
    {
        lock (Gate)
        {
            handle.Dispose();
            _openDevices--;
        }
    }

    private static void Initialize()
    {
        var status = SaneNative.Init(out _versionCode, 0);
        SaneException.ThrowIfFailed(status, "sane_init");
    }
}
