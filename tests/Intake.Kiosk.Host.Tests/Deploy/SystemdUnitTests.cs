using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Deploy;

/// <summary>
/// deploy/: the hardened service unit scored by systemd's own analyser (offline: it reads the unit file, no running
/// systemd needed, so it works in a container and a chroot), the Chromium kiosk unit's flags and the udev rules.
/// </summary>
public sealed class SystemdUnitTests
{
    private static string Deploy(string name) => Path.Combine(RepoPaths.Root, "deploy", name);

    [Fact]
    public void The_service_unit_scores_at_most_3_0_in_systemd_analyze_security()
    {
        var report = ExternalTool.Run("systemd-analyze", "security", "--offline=yes", "--no-pager", Deploy("intake-kiosk.service"));
        var match = Regex.Match(report, @"Overall exposure level for intake-kiosk\.service: (\d+\.\d)");
        match.Success.Should().BeTrue(report);
        double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(3.0, report);
    }

    [Fact]
    public void The_service_runs_as_its_own_user_with_the_data_its_only_writable_path()
    {
        var unit = Directives(Deploy("intake-kiosk.service"));
        unit["User"].Should().Equal("intake");
        unit["ProtectSystem"].Should().Equal("strict");
        unit["PrivateTmp"].Should().Equal("yes");
        unit["NoNewPrivileges"].Should().Equal("yes");
        unit["StateDirectory"].Should().Equal("intake");
        unit["ReadWritePaths"].Should().Equal("/var/lib/intake");
        unit["SupplementaryGroups"].Single().Split(' ').Should().Contain(["scanner", "gpio", "lp"]);
        unit["ExecStart"].Single().Should().Contain(" serve ").And.Contain("--data /var/lib/intake/");
    }

    [Fact]
    public void The_browser_unit_opens_the_local_service_in_kiosk_mode_without_pinch_zoom_or_translate_bar()
    {
        var unit = Directives(Deploy("intake-kiosk-browser.service"));
        var start = unit["ExecStart"].Single();
        start.Should().Contain("--kiosk").And.Contain("http://127.0.0.1:8080/").And.Contain("--disable-pinch")
            .And.Contain("--overscroll-history-navigation=0").And.Contain("--disable-features=Translate").And.Contain("--lang=vi");
        unit["User"].Should().NotEqual(["intake"], "the screen's user cannot read the dossiers");
    }

    [Fact]
    public void The_udev_rules_give_scanners_gpio_and_the_printer_to_the_service_groups()
    {
        var rules = File.ReadAllLines(Deploy("65-intake-devices.rules")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        rules.Should().Contain(r => r.Contains("ENV{libsane_matched}==\"yes\"", StringComparison.Ordinal) && r.Contains("GROUP=\"scanner\"", StringComparison.Ordinal));
        rules.Should().Contain(r => r.Contains("gpiochip", StringComparison.Ordinal) && r.Contains("GROUP=\"gpio\"", StringComparison.Ordinal));
        rules.Should().Contain(r => r.Contains("KERNEL==\"lp[0-9]*\"", StringComparison.Ordinal) && r.Contains("GROUP=\"lp\"", StringComparison.Ordinal));
        // Every rule is comma-separated KEY op "value" pairs (udev(7)); a stray quote or operator breaks the whole file.
        foreach (var rule in rules)
            rule.Split(", ").Should().AllSatisfy(pair => pair.Should().MatchRegex("^[A-Za-z_]+(\\{[A-Za-z_]+\\})?(==|!=|=|\\+=|:=)\"[^\"]*\"$"));
    }

    /// <summary>Directive → values, continuation lines joined, comments dropped.</summary>
    private static Dictionary<string, List<string>> Directives(string path)
    {
        var text = Regex.Replace(File.ReadAllText(path), @"\\\n\s*", " ");
        var directives = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not '#' and not '['))
        {
            var (key, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (!directives.TryGetValue(key, out var values)) directives[key] = values = [];
            values.Add(value);
        }
        return directives;
    }
}
