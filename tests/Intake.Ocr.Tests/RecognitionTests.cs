using Intake.Pages;
using FluentAssertions;
using Intake.Imaging;
using Intake.Ocr;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Ocr.Tests;

public sealed class RecognitionTests(SharedEnginePool shared, ITestOutputHelper log) : IClassFixture<SharedEnginePool>
{
    private PageText Read(string folder, string file, OcrOutputs outputs = OcrOutputs.Text)
    {
        using var source = ImageSource.Open(Corpus.File(folder, file));
        using var image = source.Decode();
        return shared.Pool.Recognize(image, outputs);
    }

    [Theory]
    [InlineData("phototest", 0.01)]
    [InlineData("eurotext", 0.03)]
    public void Reads_the_reference_pages_within_the_error_budget(string name, double maxCer)
    {
        var page = Read("tesseract-test", name + ".tif");
        var truth = File.ReadAllText(Corpus.File("tesseract-test", name + ".txt"));
        var cer = CharacterErrorRate.Of(page.Text, truth);
        log.WriteLine($"{name}: CER {cer:P2}");
        cer.Should().BeLessThanOrEqualTo(maxCer);
    }

    [Fact]
    public void Words_carry_boxes_inside_the_page_and_confidences()
    {
        var page = Read("tesseract-test", "phototest.tif");
        page.Words.Should().HaveCountGreaterThan(50);
        page.Words.Should().OnlyContain(w => w.Box.X >= 0 && w.Box.Y >= 0 && w.Box.Right <= page.Width && w.Box.Bottom <= page.Height);
        page.Words.Should().OnlyContain(w => w.Confidence >= 0 && w.Confidence <= 1);
        page.Words.Select(w => w.Line).Should().BeInAscendingOrder();
        page.Words[0].Text.Should().Be("This");
        page.MeanConfidence.Should().BeGreaterThan(0.8);
        page.Dpi.Should().Be(200);
    }

    [Fact]
    public void Hocr_lists_every_word_with_its_box()
    {
        var page = Read("tesseract-test", "phototest.tif", OcrOutputs.Hocr);
        page.Hocr.Should().Contain("ocrx_word").And.Contain("bbox").And.Contain("quick");
    }

    [Fact]
    public void The_searchable_pdf_has_a_text_layer_with_the_same_words()
    {
        var page = Read("tesseract-test", "phototest.tif", OcrOutputs.SearchablePdf);
        page.SearchablePdf.Should().NotBeNull();
        var pdf = Path.Combine(Path.GetTempPath(), $"intake-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(pdf, page.SearchablePdf!);
            var layer = ExternalTool.Run("pdftotext", pdf, "-");
            CharacterErrorRate.Of(layer, page.Text).Should().BeLessThan(0.01);
            ExternalTool.Run("pdfimages", "-list", pdf).Should().Contain("image", "the page image is kept under the text");
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public void Vietnamese_text_comes_back_in_nfc()
    {
        var page = Read("tesseract-test", "viet.tif");
        page.Text.Trim().Should().Be("tiếng");
        page.Text.IsNormalized(System.Text.NormalizationForm.FormC).Should().BeTrue();
    }

    /// <summary>
    /// The second look at one word (the pipeline's weak-word re-read): a word cut from the page is read as one line by
    /// the engine that read the page, which then reads whole pages as before (its page segmentation mode restored).
    /// </summary>
    [Fact]
    public void A_word_cut_from_the_page_is_read_as_one_line_and_the_engine_then_reads_pages_as_before()
    {
        using var source = ImageSource.Open(Corpus.File("tesseract-test", "phototest.tif"));
        using var image = source.Decode();
        var page = shared.Pool.Recognize(image);
        var quick = page.Words.First(w => w.Text == "quick");
        using var cut = image.Crop(quick.Box);
        using var padded = cut.PadWhite(10);

        var (line, again) = shared.Pool.WithEngine(engine => (engine.RecognizeLine(padded), engine.Recognize(image)));

        line.Text.Should().Be("quick");
        line.Confidence.Should().BeGreaterThan(0.8);
        again.Text.Should().Be(page.Text);
    }

    [Fact]
    public async Task Pages_read_concurrently_give_the_same_text_as_one_by_one()
    {
        var files = new[] { "phototest.tif", "eurotext.tif", "viet.tif", "phototest.tif" };
        var sequential = files.Select(f => Read("tesseract-test", f).Text).ToList();
        var parallel = await Task.WhenAll(files.Select(f => Task.Run(() => Read("tesseract-test", f).Text)));
        parallel.Should().Equal(sequential);
    }
}
