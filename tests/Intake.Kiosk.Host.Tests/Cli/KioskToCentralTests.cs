using System.Text.Json;
using FluentAssertions;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>
/// The whole road through the real command line: a card scan processed at the kiosk is committed to its store, and
/// `intake sync --once` delivers it from the store's outbox to an enrolled kiosk's centre, where it is listed once
/// with every blob verified; the kiosk's outbox entry is then acknowledged, and a second pass sends nothing again.
/// </summary>
public sealed class KioskToCentralTests(ITestOutputHelper log) : IDisposable
{
    private readonly string central = Directory.CreateTempSubdirectory("intake-e2e-central-").FullName;
    private readonly string kiosk = Directory.CreateTempSubdirectory("intake-e2e-kiosk-").FullName;

    [Fact]
    public async Task A_processed_dossier_arrives_at_the_centre_exactly_once_and_is_acknowledged()
    {
        using var stop = new CancellationTokenSource();
        var (serve, url) = await CentralServe.StartAsync(central, stop.Token);

        var token = await CliRun.Of("central", "token", "--data", central);
        (await CliRun.Of("enroll", "--central", url, "--token", token.Output.Trim(), "--data", kiosk)).ExitCode.Should().Be(0);
        var process = await CliRun.Of("process", Corpus.File("cccd-samples", "c06.png"), "--data", kiosk);
        process.ExitCode.Should().Be(0, process.Error);

        var first = await CliRun.Of("sync", "--once", "--data", kiosk);
        var second = await CliRun.Of("sync", "--once", "--data", kiosk);
        log.WriteLine(first.Output + first.Error + second.Output + second.Error);
        first.ExitCode.Should().Be(0, first.Error);
        second.ExitCode.Should().Be(0, second.Error);

        using var atCentre = JsonDocument.Parse((await CliRun.Of("central", "list", "--json", "--data", central)).Output);
        using var atKiosk = JsonDocument.Parse((await CliRun.Of("dossiers", "list", "--json", "--data", kiosk)).Output);
        log.WriteLine(atCentre.RootElement.ToString() + "\n" + atKiosk.RootElement);
        var delivered = atCentre.RootElement.EnumerateArray().ToArray();
        delivered.Should().ContainSingle();
        var kept = atKiosk.RootElement.EnumerateArray().Single();
        delivered[0].GetProperty("code").GetString().Should().Be(kept.GetProperty("code").GetString());
        delivered[0].GetProperty("allBlobsVerified").GetBoolean().Should().BeTrue();
        kept.GetProperty("outbox").GetString().Should().Be("acknowledged");

        await stop.CancelAsync();
        (await serve).Should().Be(0);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(central, recursive: true);
        Directory.Delete(kiosk, recursive: true);
    }

}
