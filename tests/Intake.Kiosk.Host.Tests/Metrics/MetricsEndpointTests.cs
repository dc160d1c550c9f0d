using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Intake.Kiosk.Host.Tests.Api;
using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Metrics;

/// <summary>The real kiosk service's /metrics, /healthz and /readyz on a loopback port.</summary>
public sealed class MetricsEndpointTests : LoopbackKioskApp
{
    [Fact]
    public async Task Metrics_pass_promtool_and_move_when_a_page_is_read()
    {
        var before = await Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        PromtoolCheck(before);
        foreach (var name in new[]
        {
            "intake_pages_processed_total", "intake_stage_duration_seconds", "intake_ocr_mean_confidence", "intake_queue_depth",
            "intake_outbox_backlog", "intake_outbox_oldest_age_seconds", "intake_sync_failures_total", "intake_scanner_errors_total",
            "intake_disk_free_bytes", "intake_cpu_temperature_celsius", "intake_status_light", "intake_paper_present",
        })
        {
            before.Should().Contain($"# TYPE {name} ");
        }
        Value(before, "intake_disk_free_bytes").Should().BePositive();

        using (var body = new ByteArrayContent(File.ReadAllBytes(Corpus.File("tesseract-test", "phototest.tif"))))
        using (var response = await Http.PostAsync(new Uri("/api/ocr", UriKind.Relative), body))
            response.StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        PromtoolCheck(after);
        // Other tests in this process read pages too: the counts can only have grown by at least this page.
        Value(after, "intake_pages_processed_total{outcome=\"read\"}").Should().BeGreaterThanOrEqualTo(Value(before, "intake_pages_processed_total{outcome=\"read\"}") + 1);
        Value(after, "intake_stage_duration_seconds_count{stage=\"recognise\"}").Should().BeGreaterThanOrEqualTo(1);
        Value(after, "intake_stage_duration_seconds_count{stage=\"cleanup\"}").Should().BeGreaterThanOrEqualTo(1);
        Value(after, "intake_stage_duration_seconds_sum{stage=\"recognise\"}").Should().BePositive();
        Value(after, "intake_ocr_mean_confidence").Should().BeInRange(0.5, 1, "phototest.tif reads cleanly");
        Value(after, "intake_ocr_page_confidence_count").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Healthz_is_alive_and_readyz_says_what_is_missing_in_vietnamese_and_english()
    {
        using var alive = await Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        alive.StatusCode.Should().Be(HttpStatusCode.OK);

        using var ready = await Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        // No camera and no GPIO chip on this machine, and the test kiosk is not enrolled: not ready.
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var json = await ready.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("status").GetString().Should().Be("not ready");
        json.GetProperty("message").GetString().Should().StartWith("Chưa sẵn sàng / not ready: ");
        var checks = json.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        checks.Keys.Should().BeEquivalentTo(["scanner", "camera", "store", "disk", "outbox", "central", "gpio", "printer"]);
        checks["camera"].GetProperty("ok").GetBoolean().Should().BeFalse();
        checks["camera"].GetProperty("detail").GetString().Should().Be("Không thấy máy ảnh (/dev/video*) / no camera found (/dev/video*)");
        checks["disk"].GetProperty("ok").GetBoolean().Should().BeTrue();
        var gpio = checks["gpio"];
        gpio.GetProperty("ok").GetBoolean().Should().BeFalse("this machine has no GPIO chip");
        gpio.GetProperty("required").GetBoolean().Should().BeFalse("the kiosk works without its lamp");
        gpio.GetProperty("detail").GetString().Should().Contain("Unable to find a chip");
        json.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().Contain(r => r!.StartsWith("camera: ", StringComparison.Ordinal));
    }

    private static double Value(string exposition, string series)
    {
        var match = Regex.Match(exposition, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        match.Success.Should().BeTrue($"{series} is exposed");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>promtool (Debian's prometheus package, installed by ./intake for the tests) on the served text.</summary>
    private static void PromtoolCheck(string exposition)
    {
        var start = new ProcessStartInfo("promtool", "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var promtool = Process.Start(start)!;
        promtool.StandardInput.Write(exposition);
        promtool.StandardInput.Close();
        var problems = promtool.StandardOutput.ReadToEnd() + promtool.StandardError.ReadToEnd();
        promtool.WaitForExit();
        promtool.ExitCode.Should().Be(0, problems);
        problems.Should().BeEmpty("promtool finds no lint problems either");
    }
}
