using FluentAssertions;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>The central verbs and `intake enroll` through the real command line, on the embedded SQLite default.</summary>
public sealed class CentralVerbTests : IDisposable
{
    private readonly string central = Directory.CreateTempSubdirectory("intake-cli-central-").FullName;
    private readonly string kiosk = Directory.CreateTempSubdirectory("intake-cli-kiosk-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(central, recursive: true);
        Directory.Delete(kiosk, recursive: true);
    }

    [Fact]
    public async Task Token_enroll_kiosks_revoke_and_operator_work_end_to_end()
    {
        using var stop = new CancellationTokenSource();
        var (serve, url) = await CentralServe.StartAsync(central, stop.Token);

        var token = await CliRun.Of("central", "token", "--data", central);
        token.ExitCode.Should().Be(0, token.Error);
        var enroll = await CliRun.Of("enroll", "--central", url, "--token", token.Output.Trim(), "--data", kiosk);
        enroll.ExitCode.Should().Be(0, enroll.Error);
        File.Exists(Path.Combine(kiosk, "central", "kiosk.json")).Should().BeTrue();
        var kioskId = enroll.Output.Trim().Split(' ')[^1];

        var again = await CliRun.Of("enroll", "--central", url, "--token", token.Output.Trim(), "--data", kiosk);
        again.ExitCode.Should().Be(1);
        again.Error.Should().StartWith("intake: không đăng ký được / enrolment failed");

        var fleet = await CliRun.Of("central", "kiosks", "--json", "--data", central);
        fleet.Output.Should().Contain(kioskId).And.Contain("\"status\": \"red\"");
        (await CliRun.Of("central", "revoke", kioskId, "--data", central)).ExitCode.Should().Be(0);
        (await CliRun.Of("central", "revoke", "KNOSUCHKIOSK", "--data", central)).ExitCode.Should().Be(1);
        (await CliRun.Of("central", "kiosks", "--json", "--data", central)).Output.Should().Contain("\"revoked\": true");
        (await CliRun.Of("central", "operator", "add", "Nguyễn Thị Lan", "--data", central)).Output.Trim().Should().HaveLength(32);
        (await CliRun.Of("central", "list", "--json", "--data", central)).Output.Trim().Should().Be("[]");

        await stop.CancelAsync();
        (await serve).Should().Be(0);
    }
}
