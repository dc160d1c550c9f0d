using FluentAssertions;
using Intake.Kiosk.Host.Metrics;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Metrics;

/// <summary>
/// CPU temperature from sysfs thermal zones. This container has none, so the zones are written as the kernel lays them
/// out (millidegrees in temp, the name in type) under a temporary root.
/// </summary>
public sealed class ThermalZonesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("intake-thermal-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Zones_are_read_in_degrees_celsius_and_a_broken_zone_is_left_out()
    {
        Zone("thermal_zone0", "x86_pkg_temp", "48500\n");
        Zone("thermal_zone1", "acpitz", "27800\n");
        Zone("thermal_zone2", "iwlwifi_1", "");
        Directory.CreateDirectory(Path.Combine(_root, "cooling_device0"));

        new ThermalZones(_root).Read().Should().Equal(
            new ThermalZones.Reading("thermal_zone0", "x86_pkg_temp", 48.5),
            new ThermalZones.Reading("thermal_zone1", "acpitz", 27.8));
    }

    [Fact]
    public void A_machine_without_zones_reports_none() =>
        new ThermalZones(Path.Combine(_root, "absent")).Read().Should().BeEmpty();

    private void Zone(string name, string type, string temp)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "type"), type + "\n");
        File.WriteAllText(Path.Combine(folder, "temp"), temp);
    }
}
