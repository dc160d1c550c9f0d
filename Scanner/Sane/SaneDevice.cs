using Intake.Imaging;
using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Sane;

/// <summary>
/// An open scanner. Not thread-safe: one thread configures and scans; only <see cref="Cancel"/> (and the
/// cancellation token passed to <see cref="ScanPage"/>) may be used from another thread.
/// Options are looked up by their SANE name ("resolution", "mode", "source", "tl-x"...).
/// </summary>
public sealed class SaneDevice : IDisposable
{
    private const int ReadChunk = 1 << 20;

    /// <summary>How long a cancelled page may stay blocked in sane_read before it is cancelled from outside.</summary>
    public static readonly TimeSpan ForcedCancelDelay = TimeSpan.FromSeconds(2);

    private readonly SaneDeviceHandle _handle;
    private readonly SaneSession _lease;
    // Held around sane_read's entry and exit, so a forced cancel lands only inside a read.
    private readonly Lock _readGate = new();
    private bool _inRead;
    private Dictionary<string, int>? _indexByName;
    private bool _disposed;

    internal SaneDevice(SaneDeviceHandle handle, string name, SaneSession lease)
    {
        _handle = handle;
        _lease = lease;
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<SaneOption> GetOptions()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var count = SaneOptionAccess.Count(_handle);
        var options = new List<SaneOption>(count);
        for (var i = 1; i < count; i++)
            if (SaneOptionAccess.Describe(_handle, i) is { } option)
                options.Add(option);
        _indexByName = options.Where(o => o.Name.Length > 0).GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Index);
        return options;
    }

    /// <summary>The option's current descriptor (capabilities change as other options are set), or null.</summary>
    public SaneOption? FindOption(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_indexByName is null) GetOptions();
        if (!_indexByName!.TryGetValue(name, out var index)) return null;
        var option = SaneOptionAccess.Describe(_handle, index);
        if (option?.Name == name) return option;
        GetOptions();
        return _indexByName.TryGetValue(name, out index) ? SaneOptionAccess.Describe(_handle, index) : null;
    }

    /// <summary>bool, int, double (fixed point), string, or int[]/double[] for array options.</summary>
    public object GetOption(string name)
    {
        var option = Require(name);
        if (!option.IsActive) throw new SaneException(SaneStatus.Inval, $"get '{name}' (inactive)");
        return SaneOptionAccess.Get(_handle, option);
    }

    /// <summary>Sets an option; numbers are converted to the option's type (Int or Fixed). Null presses a button.</summary>
    public void SetOption(string name, object? value)
    {
        var option = Require(name);
        if (!option.IsActive || !option.IsSettable)
            throw new SaneException(SaneStatus.Inval, $"set '{name}' (inactive or read-only)");
        if (SaneOptionAccess.Set(_handle, option, value)) _indexByName = null;
    }

    /// <summary>Sets the resolution nearest to <paramref name="dpi"/> the device allows; returns what it took.</summary>
    public double SetResolution(double dpi)
    {
        var option = Require("resolution");
        var nearest = option.Words is { Count: > 0 } words
            ? words.MinBy(w => Math.Abs(w - dpi))
            : option.Range?.Nearest(dpi) ?? dpi;
        SetOption(option.Name, nearest);
        return Resolution().X;
    }

    public void SetMode(SaneScanMode mode)
    {
        var option = Require("mode");
        var value = SaneVocabulary.Mode(option.Strings ?? [], mode)
            ?? throw SaneException.NotSupported($"mode {mode} on {Name} (offers {string.Join(", ", option.Strings ?? [])})");
        SetOption(option.Name, value);
    }

    /// <summary>
    /// Chooses the paper source. A device without a "source" option is a flatbed. Some backends offer
    /// duplex not as a source but as a feeder setting ("adf-mode" Duplex, or a "duplex" switch).
    /// </summary>
    public void SetSource(PaperSource source)
    {
        var option = FindOption("source");
        if (option is null || !option.IsActive)
        {
            if (source == PaperSource.Flatbed) return;
            throw SaneException.NotSupported($"{source} on {Name} (no source option)");
        }
        var offered = option.Strings ?? [];
        var value = SaneVocabulary.Source(offered, source);
        if (value is null && source == PaperSource.Duplex && SaneVocabulary.Source(offered, PaperSource.Adf) is { } feeder)
        {
            if (FindOption("adf-mode") is { IsActive: true, Strings: { } modes } && modes.FirstOrDefault(m => m.Contains("duplex", StringComparison.OrdinalIgnoreCase)) is { } duplexMode)
            {
                SetOption("source", feeder);
                SetOption("adf-mode", duplexMode);
                return;
            }
            if (FindOption("duplex") is { Type: SaneOptionType.Bool })
            {
                SetOption("source", feeder);
                SetOption("duplex", true);
                return;
            }
        }
        if (value is null)
            throw SaneException.NotSupported($"{source} on {Name} (offers {string.Join(", ", offered)})");
        SetOption("source", value);
    }

    /// <summary>Sets the scan window in millimetres, clipped to the bed; null means the whole bed.</summary>
    public void SetArea(ScanArea? area)
    {
        var dpi = Resolution().X;
        SetEdge("tl-x", area?.LeftMm, useMax: false, dpi);
        SetEdge("tl-y", area?.TopMm, useMax: false, dpi);
        SetEdge("br-x", area?.RightMm, useMax: true, dpi);
        SetEdge("br-y", area?.BottomMm, useMax: true, dpi);
    }

    /// <summary>The current resolution; 0 when the device does not say.</summary>
    public (double X, double Y) Resolution()
    {
        double Read(string name) => FindOption(name) is { IsActive: true, Type: SaneOptionType.WholeNumber or SaneOptionType.FixedPoint } o
            ? Convert.ToDouble(SaneOptionAccess.Get(_handle, o), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        var both = Read("resolution");
        if (both > 0) return (both, both);
        var x = Read("x-resolution");
        var y = Read("y-resolution");
        return (x, y > 0 ? y : x);
    }

    /// <summary>
    /// Scans one page (all its frames) into an image with the device's dpi. An empty feeder is a
    /// <see cref="SaneException"/> with <see cref="SaneStatus.NoDocs"/>. Cancelling the token stops the
    /// page between two reads, on this thread, and this throws <see cref="OperationCanceledException"/>.
    /// Only a read that stays blocked for <see cref="ForcedCancelDelay"/> after the cancel gets a
    /// sane_cancel from another thread: backends are not safe against sane_cancel racing sane_start or
    /// the end of a page (SANE's own test backend then leaves its reader thread unjoined, and the process
    /// dies when the backend is unloaded), so the cross-thread call is kept for a device that hangs.
    /// The batch stays open for the next page: call <see cref="Cancel"/> when the batch is done.
    /// </summary>
    public Image ScanPage(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var (dpiX, dpiY) = Resolution();
        var frames = new List<SaneFrame>(3);
        try
        {
            using (cancellationToken.UnsafeRegister(static device => ((SaneDevice)device!).CancelIfReadStaysBlocked(), this))
            {
                while (true)
                {
                    SaneException.ThrowIfFailed(SaneNative.Start(_handle), $"sane_start on {Name}");
                    cancellationToken.ThrowIfCancellationRequested();
                    SaneException.ThrowIfFailed(SaneNative.GetParameters(_handle, out var parameters), $"sane_get_parameters on {Name}");
                    frames.Add(ReadFrame(parameters, cancellationToken));
                    // A three-pass scanner sends RED, GREEN, BLUE as separate frames, the last one flagged.
                    if (parameters.LastFrame != 0 || parameters.Format is SaneFrameFormat.Gray or SaneFrameFormat.Rgb || frames.Count >= 3)
                        break;
                }
            }
        }
        catch
        {
            CancelAndFinishRead();
            throw;
        }
        return SanePageAssembler.Assemble(frames, dpiX, dpiY);
    }

    /// <summary>sane_cancel on the owning thread: stops a scan in progress or ends a feeder batch.</summary>
    public void Cancel()
    {
        try
        {
            SaneNative.Cancel(_handle);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile: nothing left to cancel.
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // Always, not only mid-page: sane_close is supposed to cancel an active scan itself, but the test
        // backend does not, and a backend that answered a read with an early EOF may still be scanning.
        CancelAndFinishRead();
        SaneSession.Close(_handle);
        _lease.Dispose();
    }

    private void CancelIfReadStaysBlocked() =>
        _ = Task.Delay(ForcedCancelDelay).ContinueWith(static (_, state) =>
        {
            var device = (SaneDevice)state!;
            // Under the gate, so the call lands while the owner is inside sane_read, never in sane_start.
            lock (device._readGate)
                if (device._inRead && !device._disposed)
                    device.Cancel();
        }, this, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>
    /// sane_cancel only asks the backend to stop; the SANE standard has the frontend keep calling
    /// sane_read until it answers CANCELLED, and only then has the backend joined its reader thread.
    /// Closing before that leaves the thread running inside the backend.
    /// </summary>
    private void CancelAndFinishRead()
    {
        Cancel();
        Span<byte> sink = stackalloc byte[4096];
        // Bounded: a backend that keeps answering GOOD after a cancel is not waited for forever.
        for (var i = 0; i < 100_000 && SaneNative.Read(_handle, sink, sink.Length, out _) == SaneStatus.Good; i++)
        {
        }
    }

    private SaneFrame ReadFrame(SaneParameters p, CancellationToken cancellationToken)
    {
        // Lines is -1 for hand scanners and sheet-fed devices that learn the page length as they go.
        var known = p.Lines > 0;
        // One spare line, so the read that only returns EOF does not make us double the buffer.
        var data = new byte[known ? checked(p.BytesPerLine * (p.Lines + 1)) : Math.Max(p.BytesPerLine, 1) * 512];
        var length = 0;
        while (true)
        {
            if (length == data.Length) Array.Resize(ref data, checked(data.Length * 2));
            var chunk = Math.Min(data.Length - length, ReadChunk);
            cancellationToken.ThrowIfCancellationRequested();
            SaneStatus status;
            int read;
            lock (_readGate) _inRead = true;
            try
            {
                status = SaneNative.Read(_handle, data.AsSpan(length, chunk), chunk, out read);
            }
            finally
            {
                lock (_readGate) _inRead = false;
            }
            if (status == SaneStatus.Eof) break;
            if (status != SaneStatus.Good)
            {
                // After our own sane_cancel a backend may answer CANCELLED, EOF or even an I/O error.
                cancellationToken.ThrowIfCancellationRequested();
                throw new SaneException(status, $"sane_read on {Name}");
            }
            length += read;
        }
        if (cancellationToken.IsCancellationRequested && (!known || length < p.BytesPerLine * p.Lines))
            throw new OperationCanceledException(cancellationToken);
        return new SaneFrame(p.Format, p.Depth, p.PixelsPerLine, p.BytesPerLine, data, length);
    }

    private void SetEdge(string name, double? mm, bool useMax, double dpi)
    {
        var option = FindOption(name);
        if (option is null || !option.IsActive || !option.IsSettable) return;
        var range = option.Range;
        double value;
        if (mm is null)
            value = range is null ? Convert.ToDouble(SaneOptionAccess.Get(_handle, option), System.Globalization.CultureInfo.InvariantCulture) : useMax ? range.Max : range.Min;
        else
        {
            value = option.Unit == SaneUnit.Pixel && dpi > 0 ? mm.Value * dpi / 25.4 : mm.Value;
            if (range is not null) value = range.Nearest(value);
        }
        SetOption(name, value);
    }

    private SaneOption Require(string name) =>
        FindOption(name) ?? throw SaneException.NotSupported($"option '{name}' on {Name}");
}
