using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>
/// `intake process` end to end on generated inputs: a CCCD front and back on two flatbed scans (one upside down) and
/// the two-page birth-registration form as a PDF, for procedure 1.001193 (khai sinh).
/// </summary>
public sealed class ProcessVerbTests(ITestOutputHelper log) : IDisposable
{
    private readonly ProcessInputFolder _folder = new("intake-process-test-");

    [Fact]
    public async Task Front_back_and_form_make_a_dossier_whose_checklist_is_complete()
    {
        var citizen = SyntheticCitizen.Create(1193);
        var (front, back) = _folder.WriteCardScans(citizen);
        var form = _folder.Write("form.pdf", TwoPages(DocumentPageRenderer.BirthRegistrationForm(citizen, 1), DocumentPageRenderer.BirthRegistrationForm(citizen, 2)));
        var outDir = Path.Combine(_folder.FullName, "out");
        if (Environment.GetEnvironmentVariable("INTAKE_KEEP_DOSSIER_INPUTS") is { Length: > 0 } keep)
        {
            // bench/dossier/run.sh times `intake process` on exactly these inputs
            Directory.CreateDirectory(keep);
            foreach (var input in new[] { front, back, form })
                File.Copy(input, Path.Combine(keep, Path.GetFileName(input)), overwrite: true);
        }

        var run = await CliRun.Of("process", front, back, form, "--out", outDir, "--procedure", "1.001193", "--operator", "Lê Thị Hồng");

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "dossier.json")));
        var root = json.RootElement;
        foreach (var check in root.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean()))
            log.WriteLine("failed check: " + check.GetProperty("message").GetString());
        root.GetProperty("procedure").GetProperty("code").GetString().Should().Be("1.001193");
        var checklist = root.GetProperty("checklist").EnumerateArray().ToDictionary(i => i.GetProperty("documentType").GetString()!, i => i.GetProperty("present").GetBoolean());
        checklist.Should().BeEquivalentTo(new Dictionary<string, bool> { ["application-form"] = true, ["cccd-front"] = true, ["cccd-back"] = true });
        var applicant = root.GetProperty("applicant");
        applicant.GetProperty("fullName").GetProperty("value").GetString().Should().Be(citizen.FullName);
        applicant.GetProperty("fullName").GetProperty("source").GetString().Should().Be("qr");
        applicant.GetProperty("idNumber").GetProperty("value").GetString().Should().Be(citizen.IdNumber);
        root.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("type").GetString())
            .Should().Equal("cccd-2021-front", "cccd-2021-back", "application-form");
        root.GetProperty("pages").GetArrayLength().Should().Be(4);

        var pdf = Path.Combine(outDir, "dossier.pdf");
        var text = ExternalTool.Run("pdftotext", pdf, "-");
        text.ToUpperInvariant().Should().Contain(citizen.FullName.ToUpperInvariant(), "the card's name is searchable in the dossier PDF");
        var info = ExternalTool.Run("pdfinfo", pdf);
        log.WriteLine(info);
        info.Should().MatchRegex(@"Pages:\s+4");
        info.Should().Contain(root.GetProperty("code").GetString()!);
        info.Should().Contain("1.001193");
        info.Should().Contain("Lê Thị Hồng");
        info.Should().MatchRegex(@"PDF version:\s+1\.7");
        var raw = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        raw.Should().Contain("/OutputIntents").And.Contain("/GTS_PDFA1", "PDF/A needs an sRGB output intent");
        ExternalTool.Run("pdfinfo", "-meta", pdf).Should().Contain("<pdfaid:part>2</pdfaid:part>").And.Contain("<pdfaid:conformance>B</pdfaid:conformance>");
        ExternalTool.Run("pdftotext", "-f", "1", "-l", "1", pdf, "-").Should().Contain("Lê Thị Hồng", "the operator is stamped on page 1");
        Directory.GetFiles(outDir, "document-*.pdf").Should().HaveCount(3);
    }

    [Fact]
    public async Task A_missing_input_is_one_line_and_exit_code_2()
    {
        var run = await CliRun.Of("process", Path.Combine(_folder.FullName, "nope.jpg"), "--out", Path.Combine(_folder.FullName, "out"));

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("nope.jpg");
    }

    public void Dispose() => _folder.Dispose();

    private static byte[] TwoPages(byte[] first, byte[] second)
    {
        using var output = new PdfSharp.Pdf.PdfDocument();
        foreach (var pdf in new[] { first, second })
        {
            using var stream = new MemoryStream(pdf);
            using var input = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            output.AddPage(input.Pages[0]);
        }

        using var result = new MemoryStream();
        output.Save(result);
        return result.ToArray();
    }
}
