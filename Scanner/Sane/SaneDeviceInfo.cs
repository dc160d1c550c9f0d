namespace Intake.Scanner.Sane;

/// <summary>A device as sane_get_devices lists it, e.g. "test:0", "Noname", "frontend-tester", "virtual device".</summary>
public sealed record SaneDeviceInfo(string Name, string Vendor, string Model, string Type)
{
    /// <summary>The backend that serves the device: the part of the name before the first colon.</summary>
    public string Backend => Name.Split(':', 2)[0];

    public override string ToString() => $"{Vendor} {Model} ({Name})";
}
