using FluentAssertions;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Cli;

public sealed class OcrVerbTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("intake-cli-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string Tesseract(string file) => Corpus.File("tesseract-test", file);

    [Theory]
    [InlineData("phototest", 0.01)]
    [InlineData("eurotext", 0.03)]
    public async Task Prints_the_page_text_within_the_error_budget(string name, double maxCer)
    {
        var run = await CliRun.Of("ocr", Tesseract(name + ".tif"));
        run.ExitCode.Should().Be(0, run.Error);
        var cer = CharacterErrorRate.Of(run.Output, File.ReadAllText(Tesseract(name + ".txt")));
        log.WriteLine($"{name}: CER {cer:P2}");
        cer.Should().BeLessThanOrEqualTo(maxCer);
    }

    [Fact]
    public async Task Writes_every_format_asked_for_beside_the_text()
    {
        var run = await CliRun.Of("ocr", Tesseract("phototest.tif"), "--out", _scratch, "--format", "text,hocr,pdf,json");
        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().BeEmpty("with --out nothing goes to standard output");
        var stem = Path.Combine(_scratch, "phototest");
        File.ReadAllText(stem + ".txt").Should().Contain("quick brown dog");
        File.ReadAllText(stem + ".hocr").Should().Contain("ocrx_word").And.Contain("ocr-system");
        File.ReadAllText(stem + ".json").Should().Contain("\"words\"").And.Contain("\"confidence\"");
        ExternalTool.Run("pdftotext", stem + ".pdf", "-").Should().Contain("quick brown dog");
    }

    [Fact]
    public async Task Pages_of_a_multipage_tiff_are_separated_by_a_form_feed_in_order()
    {
        var run = await CliRun.Of("ocr", Corpus.File("vietocr", "vietsample1.tif"), "--out", _scratch, "--format", "pdf");
        run.ExitCode.Should().Be(0, run.Error);
        var text = File.ReadAllText(Path.Combine(_scratch, "vietsample1.txt"));
        text.Split('\f').Should().HaveCount(2);
        ExternalTool.Run("pdfinfo", Path.Combine(_scratch, "vietsample1.pdf")).Should().MatchRegex(@"Pages:\s+2");
    }

    [Fact]
    public async Task Many_inputs_print_in_the_order_given()
    {
        var run = await CliRun.Of("ocr", Tesseract("viet.tif"), Tesseract("phototest.tif"), Tesseract("viet.tif"));
        run.ExitCode.Should().Be(0, run.Error);
        var first = run.Output.IndexOf("tiếng", StringComparison.Ordinal);
        var middle = run.Output.IndexOf("quick", StringComparison.Ordinal);
        var last = run.Output.LastIndexOf("tiếng", StringComparison.Ordinal);
        first.Should().BeLessThan(middle);
        middle.Should().BeLessThan(last);
    }

    [Fact]
    public async Task Bad_inputs_get_one_line_each_and_the_good_ones_are_still_read()
    {
        var empty = Write("empty.png", []);
        var text = Write("notes.png", "Họ và tên: Nguyễn Văn An"u8.ToArray());
        var baiona = File.ReadAllBytes(Corpus.File("ocrmypdf", "baiona.png"));
        var truncated = Write("truncated.png", baiona[..(baiona.Length / 2)]);
        var huge = Write("huge.png", HostileImages.PngDeclaring(30000, 30000));
        var missing = Path.Combine(_scratch, "missing.tif");

        var run = await CliRun.Of("ocr", missing, empty, Tesseract("phototest.tif"), text, truncated, huge);

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain("quick brown dog", "the good input is still processed");
        run.ErrorLines.Should().HaveCount(5);
        run.ErrorLines.Should().ContainSingle(l => l.Contains(missing) && l.Contains("No such file"));
        run.ErrorLines.Should().ContainSingle(l => l.Contains(empty) && l.Contains("empty"));
        run.ErrorLines.Should().ContainSingle(l => l.Contains(text) && l.Contains("not a supported image"));
        run.ErrorLines.Should().ContainSingle(l => l.Contains(truncated) && l.Contains("truncated"));
        run.ErrorLines.Should().ContainSingle(l => l.Contains(huge) && l.Contains("30000x30000"));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await CliRun.Of("ocr", "--bogus", Tesseract("phototest.tif"));
        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("--bogus");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var run = await CliRun.Of("ocr", Tesseract("phototest.tif"), "--format", "docx");
        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("docx");
    }

    [Fact]
    public async Task A_missing_language_model_names_its_package()
    {
        var run = await CliRun.Of("ocr", Tesseract("phototest.tif"), "--lang", "vie+tha");
        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("tesseract-ocr-tha");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
