using System.Text.Json;
using FluentAssertions;
using Intake.Imaging;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.TestSupport;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Pdf;

/// <summary>
/// Issue 15 point 5, through the real `intake ocr` and `intake process`: a page that already has a text layer keeps it
/// (no OCR, and the JSON says so), a page that is one scan is read from that image at its own size (the JSON gives the
/// image's encoding and size), and JBIG2 still goes through poppler. One `intake ocr` run reads all the PDFs.
/// </summary>
public sealed class PdfInputTests(PdfInputTests.OcrRun ocr, ITestOutputHelper log) : IClassFixture<PdfInputTests.OcrRun>
{
    [Fact]
    public void Multipage_page_4_keeps_its_text_layer_and_is_not_ocred()
    {
        var pages = ocr.Pages("multipage");

        pages.Should().HaveCount(6);
        var fourth = pages[3];
        fourth.GetProperty("pdf").GetProperty("kind").GetString().Should().Be("text-layer");
        fourth.GetProperty("pdf").GetProperty("ocr").GetBoolean().Should().BeFalse();
        fourth.TryGetProperty("cleanup", out _).Should().BeFalse("a kept text layer is neither cleaned nor read");
        fourth.GetProperty("timings").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Contain("text-layer").And.NotContain("recognise");
        var words = fourth.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("text").GetString()).ToList();
        var poppler = ExternalTool.Run("pdftotext", "-f", "4", "-l", "4", Corpus.File("ocrmypdf", "multipage.pdf"), "-");
        words.Should().BeEquivalentTo(poppler.Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries), "the text layer's own words");
        pages.Where((_, i) => i != 3).Should().OnlyContain(p => p.GetProperty("pdf").GetProperty("ocr").GetBoolean(), "the other pages have no text");
        pages[0].GetProperty("pdf").GetProperty("kind").GetString().Should().Be("embedded-image");
    }

    [Fact]
    public void Vietsample1_is_read_from_its_text_layer_within_half_a_percent()
    {
        var pages = ocr.Pages("vietsample1");

        pages.Should().HaveCount(2).And.OnlyContain(p => p.GetProperty("pdf").GetProperty("kind").GetString() == "text-layer" && !p.GetProperty("pdf").GetProperty("ocr").GetBoolean());
        var cer = CharacterErrorRate.Of(File.ReadAllText(ocr.Output("vietsample1.txt")), File.ReadAllText(Corpus.File("vietocr", "vietsample1.gt.txt")));
        log.WriteLine($"vietsample1.pdf from its text layer: CER {cer:P3}");
        cer.Should().BeLessThanOrEqualTo(0.005);
    }

    [Theory]
    [InlineData("ccitt", "ccitt", 2550, 3300, 300)]
    [InlineData("phototest-scan", "dct", 640, 480, 300)]
    public void A_scan_is_read_from_its_embedded_image_at_its_own_size(string name, string encoding, int width, int height, double dpi)
    {
        var page = ocr.Pages(name).Should().ContainSingle().Subject;
        var pdf = page.GetProperty("pdf");

        pdf.GetProperty("kind").GetString().Should().Be("embedded-image");
        pdf.GetProperty("nativeSize").GetBoolean().Should().BeTrue();
        pdf.GetProperty("encoding").GetString().Should().Be(encoding);
        pdf.GetProperty("imageWidth").GetInt32().Should().Be(width);
        pdf.GetProperty("imageHeight").GetInt32().Should().Be(height);
        pdf.GetProperty("imageDpi").GetDouble().Should().BeApproximately(dpi, 0.01);
        pdf.GetProperty("ocr").GetBoolean().Should().BeTrue();
        page.GetProperty("cleanup").GetProperty("dpi").GetProperty("declared").GetDouble().Should().BeApproximately(dpi, 0.01, "the image came with the dpi it has on the page");
    }

    [Fact]
    public void The_embedded_jpeg_reads_as_well_as_the_image_itself()
    {
        var cer = CharacterErrorRate.Of(File.ReadAllText(ocr.Output("phototest-scan.txt")), File.ReadAllText(Corpus.File("tesseract-test", "phototest.txt")));
        log.WriteLine($"phototest as a JPEG in a PDF: CER {cer:P2}");
        cer.Should().BeLessThanOrEqualTo(0.03);
    }

    [Fact]
    public void Jbig2_still_goes_through_poppler()
    {
        var pdf = ocr.Pages("jbig2").Should().ContainSingle().Subject.GetProperty("pdf");

        pdf.GetProperty("kind").GetString().Should().Be("rendered");
        pdf.GetProperty("reason").GetString().Should().Contain("JBIG2Decode");
        pdf.GetProperty("ocr").GetBoolean().Should().BeTrue();
        File.ReadAllText(ocr.Output("jbig2.txt")).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Process_keeps_the_text_layer_in_the_dossier_and_says_so()
    {
        var outDir = Path.Combine(ocr.Folder, "process");
        var data = Path.Combine(ocr.Folder, "data");

        var run = await CliRun.Of("process", Corpus.File("vietocr", "vietsample1.pdf"), "--out", outDir, "--data", data);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("2 trang giữ lớp chữ sẵn có, không OCR lại (1, 2)").And.Contain("2 pages keep their text layer, not OCR'd again (1, 2)");
        ExternalTool.Run("pdftotext", Path.Combine(outDir, "dossier.pdf"), "-").Should().Contain("Nắng Sài Gòn anh đi mà chợt mát");
    }

    /// <summary>The one `intake ocr --format text,json` run over the corpus PDFs and a JPEG-in-PDF scan made here with PDFsharp.</summary>
    public sealed class OcrRun : IAsyncLifetime
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("intake-pdf-input-").FullName;

        internal CliRun Run { get; private set; } = new(-1, "", "");

        public string Output(string name) => Path.Combine(Folder, "out", name);

        public IReadOnlyList<JsonElement> Pages(string stem)
        {
            Run.ExitCode.Should().Be(0, Run.Error);
            using var json = JsonDocument.Parse(File.ReadAllBytes(Output(stem + ".json")));
            return [.. json.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.Clone())];
        }

        public async Task InitializeAsync()
        {
            var scan = Path.Combine(Folder, "phototest-scan.pdf");
            File.WriteAllBytes(scan, JpegScanPdf(Corpus.File("tesseract-test", "phototest.tif"), 300));
            Run = await CliRun.Of("ocr", Corpus.File("ocrmypdf", "multipage.pdf"), Corpus.File("vietocr", "vietsample1.pdf"), Corpus.File("ocrmypdf", "ccitt.pdf"),
                Corpus.File("ocrmypdf", "jbig2.pdf"), scan, "--out", Path.Combine(Folder, "out"), "--format", "text,json");
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }

        /// <summary>What a scanner's "scan to PDF" writes: the image as a JPEG filling one page sized for <paramref name="dpi"/>.</summary>
        private static byte[] JpegScanPdf(string image, double dpi)
        {
            byte[] jpeg;
            int width, height;
            using (var source = ImageSource.Open(image))
            using (var decoded = source.Decode())
            {
                (jpeg, width, height) = (decoded.Encode(".jpg", 92), decoded.Width, decoded.Height);
            }

            using var document = new PdfDocument();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(width * 72 / dpi);
            page.Height = XUnit.FromPoint(height * 72 / dpi);
            using (var gfx = XGraphics.FromPdfPage(page))
            using (var stream = new MemoryStream(jpeg))
            using (var picture = XImage.FromStream(stream))
            {
                gfx.DrawImage(picture, 0, 0, page.Width.Point, page.Height.Point);
            }

            using var output = new MemoryStream();
            document.Save(output);
            return output.ToArray();
        }
    }
}
