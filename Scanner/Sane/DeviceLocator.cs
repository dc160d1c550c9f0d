using System.Text.RegularExpressions;

namespace Intake.Scanner.Sane;

/// <summary>
/// Remembers which scanner we mean by what survives an unplug: backend, vendor and model, plus the
/// parts of the SANE name that are stable (a serial number or network address; for "libusb:BBB:DDD"
/// only the bus, since the device number changes on every replug). When opening by the last known
/// name fails, it re-enumerates; if the device is still not listed and no device is open, it restarts
/// SANE (sane_exit + sane_init), which is what makes backends notice a replugged scanner, and looks again.
/// A kiosk has one scanner; two identical ones without serials in their names cannot be told apart.
/// </summary>
public sealed partial class DeviceLocator
{
    private readonly Lock _gate = new();
    private SaneDeviceInfo _current;
    private bool _identityKnown;

    public DeviceLocator(SaneDeviceInfo device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _current = device;
        _identityKnown = true;
    }

    private DeviceLocator(string name)
    {
        _current = new SaneDeviceInfo(name, "", "", "");
    }

    /// <summary>A device known only by name; its vendor and model are learned the first time it is listed.</summary>
    public static DeviceLocator ForName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new DeviceLocator(name);
    }

    /// <summary>The device as last found (its name may have changed since it was first remembered).</summary>
    public SaneDeviceInfo Current
    {
        get
        {
            lock (_gate)
                return _current;
        }
    }

    /// <summary>Opens the remembered device, finding it again under a new name if it moved.</summary>
    public SaneDevice Open(SaneSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            SaneException failure;
            try
            {
                var device = session.OpenDevice(_current.Name);
                if (!_identityKnown) Learn(session.GetDevices());
                return device;
            }
            catch (SaneException e) when (e.Status is not (Native.SaneStatus.DeviceBusy or Native.SaneStatus.NoMem))
            {
                failure = e;
            }

            var found = Find(session.GetDevices());
            if (found is null && session.TryRestart()) found = Find(session.GetDevices());
            if (found is null)
                throw SaneException.NotFound($"{Describe()}, last seen as {_current.Name}", failure);
            _current = found;
            _identityKnown = true;
            return session.OpenDevice(found.Name);
        }
    }

    /// <summary>The listed device that is ours, or null. Exposed for the technician screen and tests.</summary>
    public SaneDeviceInfo? Find(IReadOnlyList<SaneDeviceInfo> listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        lock (_gate)
        {
            var exact = listed.FirstOrDefault(d => d.Name == _current.Name && (!_identityKnown || SameModel(d)));
            if (exact is not null || !_identityKnown) return exact;
            var candidates = listed.Where(d => d.Backend == _current.Backend && SameModel(d)).ToList();
            if (candidates.Count == 0) return null;
            var stable = StableParts(_current.Name);
            var bus = Bus(_current.Name);
            return candidates.FirstOrDefault(d => stable.Length > 0 && StableParts(d.Name) == stable)
                ?? candidates.FirstOrDefault(d => bus is not null && Bus(d.Name) == bus)
                ?? candidates.OrderBy(d => d.Name, StringComparer.Ordinal).First();
        }
    }

    private void Learn(IReadOnlyList<SaneDeviceInfo> listed)
    {
        if (listed.FirstOrDefault(d => d.Name == _current.Name) is { } seen)
        {
            _current = seen;
            _identityKnown = true;
        }
    }

    private bool SameModel(SaneDeviceInfo d) =>
        string.Equals(d.Vendor, _current.Vendor, StringComparison.OrdinalIgnoreCase)
        && string.Equals(d.Model, _current.Model, StringComparison.OrdinalIgnoreCase);

    private string Describe() => _identityKnown ? $"{_current.Vendor} {_current.Model}" : _current.Name;

    /// <summary>
    /// The name without backend and without anything that changes on replug: "libusb:001:007" keeps
    /// nothing, "fujitsu:fi-7160:12345" keeps "fi-7160:12345", a short device index ("test:1") keeps nothing.
    /// </summary>
    private static string StableParts(string name)
    {
        var rest = name.Split(':', 2) is [_, var tail] ? tail : "";
        var stable = UsbAddress().Replace(rest, "").Trim(':');
        return stable.Length <= 2 && stable.All(char.IsDigit) ? "" : stable;
    }

    private static string? Bus(string name) => UsbAddress().Match(name) is { Success: true } m ? m.Groups["bus"].Value : null;

    [GeneratedRegex(@"libusb:(?<bus>\d{3}):\d{3}")]
    private static partial Regex UsbAddress();
}
