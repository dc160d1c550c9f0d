using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>
/// A 300 dpi flatbed scan whose header says 96 dpi (../shared/corpus/field-cases/declared-dpi): the cards' known ID-1
/// size gives the true resolution, both cards are found and read, and the archived page has its true A4 size.
/// </summary>
public sealed class DeclaredDpiTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-declared-dpi-");

    [Fact]
    public async Task A_scan_that_lies_about_its_dpi_is_read_and_archived_at_its_true_resolution()
    {
        var scan = Corpus.File("field-cases", "declared-dpi", "card-96dpi.png");
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Corpus.File("field-cases", "declared-dpi", "card-96dpi.truth.json")));

        var run = await CliRun.Of("process", scan, "--out", _folder.FullName);

        run.ExitCode.Should().Be(0, run.Error);
        using var dossier = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder.FullName, "dossier.json")));
        var root = dossier.RootElement;
        root.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("type").GetString())
            .Should().Equal("cccd-2021-front", "cccd-2021-back");
        var applicant = root.GetProperty("applicant");
        foreach (var field in new[] { "idNumber", "dateOfBirth", "sex", "fullName" })
            applicant.GetProperty(field).GetProperty("value").GetString().Should().Be(truth.RootElement.GetProperty(field).GetString(), field);
        var dpi = root.GetProperty("pages")[0].GetProperty("dpi").GetDouble();
        dpi.Should().BeInRange(285, 315, "the scan's true resolution is 300 dpi");

        var info = ExternalTool.Run("pdfinfo", Path.Combine(_folder.FullName, "dossier.pdf"));
        log.WriteLine(info);
        var size = System.Text.RegularExpressions.Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeInRange(570, 620, "A4 is 595 pt wide");
        double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture).Should().BeInRange(815, 870, "A4 is 842 pt high");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
