using System.Globalization;

namespace Intake.Kiosk.Host.Metrics;

/// <summary>
/// The CPU's temperature as the kernel reports it: <c>/sys/class/thermal/thermal_zone*/temp</c> holds millidegrees
/// Celsius and <c>type</c> the zone's name (Documentation/driver-api/thermal/sysfs-api.rst). Machines without zones
/// (containers, some VMs) give an empty list.
/// </summary>
internal sealed class ThermalZones(string root = "/sys/class/thermal")
{
    /// <summary>One zone: its folder name (thermal_zone0), its type (x86_pkg_temp, cpu-thermal) and degrees Celsius.</summary>
    public sealed record Reading(string Zone, string Type, double Celsius);

    public IReadOnlyList<Reading> Read()
    {
        if (!Directory.Exists(root)) return [];
        var readings = new List<Reading>();
        foreach (var zone in Directory.EnumerateDirectories(root, "thermal_zone*").Order(StringComparer.Ordinal))
        {
            try
            {
                var milli = long.Parse(File.ReadAllText(Path.Combine(zone, "temp")).Trim(), CultureInfo.InvariantCulture);
                var type = File.Exists(Path.Combine(zone, "type")) ? File.ReadAllText(Path.Combine(zone, "type")).Trim() : "unknown";
                readings.Add(new Reading(Path.GetFileName(zone), type, milli / 1000.0));
            }
            catch (Exception e) when (e is IOException or FormatException or OverflowException or UnauthorizedAccessException)
            {
                // A zone whose sensor is asleep or broken answers EIO or nothing: leave it out rather than report 0 °C.
            }
        }
        return readings;
    }
}
