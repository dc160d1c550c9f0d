using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Processing;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.Sync.Store;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Processing;

/// <summary>
/// `intake process` twice on a CT07 residence confirmation (a synthetic page, as a PDF): each run gets the kiosk's
/// next dossier number of the day from the store (0001, then 0002), and the page is read as a residence confirmation
/// that gives the applicant. A store held by another process stops the command with one line naming the holder.
/// </summary>
public sealed class DossierCodeProcessTests(ITestOutputHelper log) : IDisposable
{
    private readonly ProcessInputFolder _folder = new("intake-code-test-");

    [Fact]
    public async Task Two_runs_get_0001_then_0002_and_read_the_ct07()
    {
        var citizen = SyntheticCitizen.Create(707);
        var ct07 = _folder.Write("ct07.pdf", DocumentPageRenderer.ResidenceConfirmation(citizen));

        var first = await Process(ct07, "first");
        var second = await Process(ct07, "second");

        var day = DateOnly.Parse(first.GetProperty("createdAt").GetString()![..10], CultureInfo.InvariantCulture);
        first.GetProperty("code").GetString().Should().Be($"K07.TEST-{day:yyMMdd}-0001");
        second.GetProperty("code").GetString().Should().Be($"K07.TEST-{day:yyMMdd}-0002");
        using (var store = DossierStore.Open(new StoreOptions(TestStateDirectory.DataPath) { LockWait = TimeSpan.FromSeconds(30) }))
            store.List().Select(d => d.Code).Should().Contain([$"K07.TEST-{day:yyMMdd}-0001", $"K07.TEST-{day:yyMMdd}-0002"]);

        var document = first.GetProperty("documents").EnumerateArray().Should().ContainSingle().Subject;
        document.GetProperty("type").GetString().Should().Be("residence-confirmation");
        var applicant = first.GetProperty("applicant");
        applicant.GetProperty("idNumber").GetProperty("value").GetString().Should().Be(citizen.IdNumber);
        applicant.GetProperty("fullName").GetProperty("value").GetString().Should().Be(citizen.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
        applicant.GetProperty("placeOfResidence").GetProperty("value").GetString().Should().Be(citizen.PlaceOfResidence);
    }

    [Fact]
    public void A_store_held_by_another_process_is_one_line_and_exit_code_2()
    {
        var data = Path.Combine(_folder.FullName, "data");
        var ct07 = _folder.Write("ct07.pdf", DocumentPageRenderer.ResidenceConfirmation(SyntheticCitizen.Create(708)));
        using var holder = DossierStore.Open(new StoreOptions(data));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var request = new ProcessRequest([ct07], Path.Combine(_folder.FullName, "out"), null, "Kiểm thử", "K08", new StoreOptions(data));

        var exitCode = ProcessVerb.Build(request, output, error, CancellationToken.None);

        exitCode.Should().Be(2);
        error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Contain($"the store is in use by process {Environment.ProcessId}");
        Directory.Exists(Path.Combine(_folder.FullName, "out")).Should().BeFalse("nothing is written without a code");
        holder.List().Should().BeEmpty();
    }

    [Fact]
    public async Task A_kiosk_code_that_cannot_stand_in_a_dossier_code_is_refused_before_reading()
    {
        var run = await CliRun.Of("process", Path.Combine(_folder.FullName, "nope.jpg"), "--out", Path.Combine(_folder.FullName, "out"), "--kiosk", "K-01");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("K-01");
    }

    public void Dispose() => _folder.Dispose();

    private async Task<JsonElement> Process(string input, string name)
    {
        var outDir = Path.Combine(_folder.FullName, name);
        var run = await CliRun.Of("process", input, "--out", outDir, "--kiosk", "K07.TEST", "--operator", "Kiểm thử");
        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "dossier.json")));
        return json.RootElement.Clone();
    }
}
