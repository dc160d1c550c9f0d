using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Processing;
using Intake.Kiosk.Host.Tests.Cli;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Processing;

/// <summary>
/// `intake process` twice on a CT07 residence confirmation (a synthetic page, as a PDF): each run gets the kiosk's
/// next dossier number of the day from the state folder (0001, then 0002), and the page is read as a
/// residence confirmation that gives the applicant. A corrupt state file stops the command with one line naming it.
/// </summary>
public sealed class DossierCodeProcessTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-code-test-");

    [Fact]
    public async Task Two_runs_get_0001_then_0002_and_read_the_ct07()
    {
        var citizen = SyntheticCitizen.Create(707);
        var ct07 = Path.Combine(_folder.FullName, "ct07.pdf");
        File.WriteAllBytes(ct07, DocumentPageRenderer.ResidenceConfirmation(citizen));

        var first = await Process(ct07, "first");
        var second = await Process(ct07, "second");

        var day = DateOnly.Parse(first.GetProperty("createdAt").GetString()![..10], CultureInfo.InvariantCulture);
        first.GetProperty("code").GetString().Should().Be($"K07.TEST-{day:yyMMdd}-0001");
        second.GetProperty("code").GetString().Should().Be($"K07.TEST-{day:yyMMdd}-0002");
        File.Exists(Path.Combine(TestStateDirectory.Path, DossierCodeSequence.FileName)).Should().BeTrue();

        var document = first.GetProperty("documents").EnumerateArray().Should().ContainSingle().Subject;
        document.GetProperty("type").GetString().Should().Be("residence-confirmation");
        var applicant = first.GetProperty("applicant");
        applicant.GetProperty("idNumber").GetProperty("value").GetString().Should().Be(citizen.IdNumber);
        applicant.GetProperty("fullName").GetProperty("value").GetString().Should().Be(citizen.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
        applicant.GetProperty("placeOfResidence").GetProperty("value").GetString().Should().Be(citizen.PlaceOfResidence);
    }

    [Fact]
    public async Task A_corrupt_state_file_is_one_line_and_exit_code_2()
    {
        var state = Directory.CreateDirectory(Path.Combine(_folder.FullName, "state")).FullName;
        var path = Path.Combine(state, DossierCodeSequence.FileName);
        await File.WriteAllTextAsync(path, "{\"version\": 1, \"kiosks\": {\"K");
        var ct07 = Path.Combine(_folder.FullName, "ct07.pdf");
        File.WriteAllBytes(ct07, DocumentPageRenderer.ResidenceConfirmation(SyntheticCitizen.Create(708)));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var request = new ProcessRequest([ct07], Path.Combine(_folder.FullName, "out"), null, "Kiểm thử", "K08", Codes: new DossierCodeSequence(state));

        var exitCode = ProcessVerb.Build(request, output, error, CancellationToken.None);

        exitCode.Should().Be(2);
        error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Contain(path).And.Contain("corrupt");
        Directory.Exists(Path.Combine(_folder.FullName, "out")).Should().BeFalse("nothing is written without a code");
        (await File.ReadAllTextAsync(path)).Should().Be("{\"version\": 1, \"kiosks\": {\"K");
    }

    [Fact]
    public async Task A_kiosk_code_that_cannot_stand_in_a_dossier_code_is_refused_before_reading()
    {
        var run = await CliRun.Of("process", Path.Combine(_folder.FullName, "nope.jpg"), "--out", Path.Combine(_folder.FullName, "out"), "--kiosk", "K-01");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("K-01");
    }

    public void Dispose() => _folder.Delete(recursive: true);

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
