using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Intake.Kiosk.Host.Hardware;
using Intake.Kiosk.Host.Hardware.Gpio;
using Intake.Kiosk.Host.Health;
using Intake.Kiosk.Host.Metrics;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.Sync.Store;
using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Metrics;

/// <summary>The outbox figures of /metrics on a real store holding a dossier that `intake process` committed.</summary>
public sealed class OutboxMetricsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("intake-outbox-metrics-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Backlog_oldest_age_and_sync_failures_come_from_the_store_the_delivery_loop_holds()
    {
        var process = await CliRun.Of("process", Corpus.File("cccd-samples", "c06.png"), "--data", _data);
        process.ExitCode.Should().Be(0, process.Error);

        var vitals = new KioskVitals();
        using var light = new StatusLight(new GpioOptions { Enabled = false }, driver: null);
        using var metrics = new KioskMetrics(vitals, new KioskDataFolder(_data), light, new ThermalZones(Path.Combine(_data, "no-sysfs")));
        var before = await ExportAsync(metrics);
        double.IsNaN(Value(before, "intake_outbox_backlog")).Should().BeTrue("no store is open yet");

        using var store = DossierStore.Open(new StoreOptions(_data));
        using (vitals.AttachOutbox(store))
        {
            await Task.Delay(1100); // the oldest entry ages
            var entry = store.Pending(10).Single();
            new FailureCountingOutbox(store, vitals).RecordFailure(entry.DossierId, "test: the centre did not answer");

            var after = await ExportAsync(metrics);
            Value(after, "intake_outbox_backlog").Should().Be(1);
            Value(after, "intake_outbox_oldest_age_seconds").Should().BeGreaterThanOrEqualTo(1);
            Value(after, "intake_sync_failures_total").Should().Be(1);
            store.Pending(10).Single().Attempts.Should().Be(1, "the failure still reaches the store");
        }
        double.IsNaN(Value(await ExportAsync(metrics), "intake_outbox_backlog")).Should().BeTrue("the handle detaches the store");
    }

    private static async Task<string> ExportAsync(KioskMetrics metrics)
    {
        using var buffer = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static double Value(string exposition, string series)
    {
        var match = Regex.Match(exposition, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        match.Success.Should().BeTrue($"{series} is exposed");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
