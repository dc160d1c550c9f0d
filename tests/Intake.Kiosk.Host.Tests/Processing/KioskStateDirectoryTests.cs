using FluentAssertions;
using Intake.Kiosk.Host.Processing;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Processing;

public class KioskStateDirectoryTests
{
    [Theory]
    [InlineData("/srv/intake-state", "/var/lib/intake", "/home/k/.state", "/srv/intake-state")]
    [InlineData(null, "/var/lib/intake", "/home/k/.state", "/var/lib/intake")]
    [InlineData(null, "/var/lib/intake:/var/lib/other", null, "/var/lib/intake")]
    [InlineData(null, null, "/home/k/.state", "/home/k/.state/intake")]
    [InlineData(null, null, "relative/ignored", "/home/k/.local/state/intake")]
    [InlineData("", "", "", "/home/k/.local/state/intake")]
    public void Intake_state_dir_then_systemd_then_xdg_then_home(string? intake, string? systemd, string? xdg, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            [KioskStateDirectory.Variable] = intake,
            ["STATE_DIRECTORY"] = systemd,
            ["XDG_STATE_HOME"] = xdg,
        };

        KioskStateDirectory.Resolve(name => environment.GetValueOrDefault(name), "/home/k").Should().Be(expected);
    }

    [Fact]
    public void No_home_and_nothing_set_asks_for_the_variable()
    {
        var act = () => KioskStateDirectory.Resolve(_ => null, string.Empty);

        act.Should().Throw<InvalidOperationException>().WithMessage("*INTAKE_STATE_DIR*");
    }

    [Fact]
    public void The_tests_never_use_the_machines_own_state()
    {
        KioskStateDirectory.Resolve().Should().Be(TestStateDirectory.Path);
    }
}
