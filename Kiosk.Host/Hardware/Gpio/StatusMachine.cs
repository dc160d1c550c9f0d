namespace Intake.Kiosk.Host.Hardware.Gpio;

/// <summary>
/// The kiosk's status as the light shows it. Busy while pages are in the pipeline; a page that cannot be read (or a
/// device fault) turns it to error, which holds until the next page is read, the paper is taken off the sensor, or a
/// technician clears it; then ready (or busy, if pages are still in flight). Thread-safe: inputs come from pipeline
/// worker threads and the GPIO event thread.
/// </summary>
internal sealed class StatusMachine
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private string? _error;

    /// <summary>Raised (outside the lock) with the new light whenever it changes.</summary>
    public event Action<KioskLight>? Changed;

    /// <summary>Raised when paper arrives on the sensor: the citizen session may start a scan.</summary>
    public event Action? PaperInserted;

    public KioskLight Light { get; private set; } = KioskLight.Ready;

    public bool PaperPresent { get; private set; }

    /// <summary>Why the light is red (Vietnamese / English), or null.</summary>
    public string? Error
    {
        get
        {
            lock (_gate) return _error;
        }
    }

    public void PagesInFlight(int pages) => Update(() => _inFlight = Math.Max(0, pages));

    public void PageRead() => Update(() => _error = null);

    public void PageFailed(string reason) => Update(() => _error = reason);

    public void Fault(string reason) => PageFailed(reason);

    public void Clear() => PageRead();

    /// <summary>The sensor's level changed: paper arrived (true) or was taken away (false, which clears an error).</summary>
    public void Paper(bool present)
    {
        var arrived = false;
        Update(() =>
        {
            arrived = present && !PaperPresent;
            if (PaperPresent && !present) _error = null;
            PaperPresent = present;
        });
        if (arrived) PaperInserted?.Invoke();
    }

    private void Update(Action change)
    {
        KioskLight before, after;
        lock (_gate)
        {
            before = Light;
            change();
            Light = after = _error is not null ? KioskLight.Error : _inFlight > 0 ? KioskLight.Busy : KioskLight.Ready;
        }
        if (after != before) Changed?.Invoke(after);
    }
}
