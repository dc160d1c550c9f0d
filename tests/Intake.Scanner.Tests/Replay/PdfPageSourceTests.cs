using FluentAssertions;
using Intake.Imaging;
using Intake.Scanner.Replay;
using Intake.TestSupport;
using Xunit.Abstractions;

namespace Intake.Scanner.Tests.Replay;

/// <summary>
/// Issue 15 point 5 at the source: which way each page of the corpus PDFs is taken (text layer kept, embedded scan at
/// its own size, or drawn by poppler), and that what comes out is the page.
/// </summary>
public sealed class PdfPageSourceTests(ITestOutputHelper log) : IDisposable
{
    private readonly PdfRasterizer _rasterizer = new();

    public void Dispose() => _rasterizer.Dispose();

    [Fact]
    public void Multipage_keeps_the_text_layer_of_page_4_and_takes_the_jpeg_of_page_1_at_its_own_size()
    {
        using var source = PdfPageSource.Open(Corpus.File("ocrmypdf", "multipage.pdf"), _rasterizer, 300);
        foreach (var plan in source.Pages) log.WriteLine(plan.ToString());

        source.Parsing.Should().Be(PdfParsing.Strict);
        source.Pages.Should().HaveCount(6);
        source.Pages[3].Kind.Should().Be(PdfPageKind.TextLayer);
        source.Pages.Where(p => p.Kind == PdfPageKind.TextLayer).Should().ContainSingle("only page 4 was OCR'd before");
        source.Pages[0].Should().BeEquivalentTo(new { Kind = PdfPageKind.EmbeddedImage, Encoding = "dct", Width = 800, Height = 981 });
        source.Pages[5].Kind.Should().Be(PdfPageKind.Rendered, "its image has a soft mask");

        using var first = source.Decode(1);
        (first.Width, first.Height).Should().Be((800, 981));
        first.DpiX.Should().BeApproximately(150, 0.5);

        using var fourth = source.Decode(4);
        var text = source.TextLayer(4, fourth.Width, fourth.Height, fourth.DpiX);
        log.WriteLine(text.Text);
        text.Words.Should().NotBeEmpty();
        text.Words.Should().OnlyContain(w => w.Box.X >= 0 && w.Box.Right <= fourth.Width + 1 && w.Box.Y >= 0 && w.Box.Bottom <= fourth.Height + 1);
        var poppler = ExternalTool.Run("pdftotext", "-f", "4", "-l", "4", Corpus.File("ocrmypdf", "multipage.pdf"), "-");
        text.Words.Select(w => w.Text).Should().BeEquivalentTo(poppler.Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries),
            "the same words as poppler's own text extraction (the order of a chart's labels may differ)");
    }

    [Fact]
    public void Vietsample1_is_read_from_its_text_layer()
    {
        var pdf = Corpus.File("vietocr", "vietsample1.pdf");
        using var source = PdfPageSource.Open(pdf, _rasterizer, 300);

        source.Pages.Should().OnlyContain(p => p.Kind == PdfPageKind.TextLayer);
        var pages = source.Pages.Select(p =>
        {
            using var picture = source.Decode(p.Number);
            return source.TextLayer(p.Number, picture.Width, picture.Height, picture.DpiX).Text;
        }).ToList();
        var cer = CharacterErrorRate.Of(string.Join("\n", pages), File.ReadAllText(Corpus.File("vietocr", "vietsample1.gt.txt")));
        log.WriteLine($"CER {cer:P3}");
        cer.Should().BeLessThanOrEqualTo(0.005);
    }

    [Fact]
    public void The_ccitt_scan_is_taken_at_its_own_size_with_the_pixels_poppler_draws()
    {
        var pdf = Corpus.File("ocrmypdf", "ccitt.pdf");
        using var source = PdfPageSource.Open(pdf, _rasterizer, 300);

        source.Pages[0].Should().BeEquivalentTo(new { Kind = PdfPageKind.EmbeddedImage, Encoding = "ccitt", Width = 2550, Height = 3300, Dpi = 300.0 });
        using var embedded = source.Decode(1);
        using var drawn = _rasterizer.DrawPage(pdf, 1, 300);
        (embedded.Width, embedded.Height).Should().Be((drawn.Width, drawn.Height));
        var (mean, drawnMean) = (Mean(embedded), Mean(drawn));
        log.WriteLine($"mean {mean:0.0}, poppler {drawnMean:0.0}");
        mean.Should().BeApproximately(drawnMean, 3, "same polarity, same page");
    }

    [Fact]
    public void The_jbig2_scan_is_drawn_by_poppler()
    {
        using var source = PdfPageSource.Open(Corpus.File("ocrmypdf", "jbig2.pdf"), _rasterizer, 300);

        source.Pages[0].Kind.Should().Be(PdfPageKind.Rendered);
        source.Pages[0].Reason.Should().Contain("JBIG2Decode");
        using var drawn = source.Decode(1);
        (drawn.Width, drawn.Height).Should().Be((2550, 3300));
    }

    [Fact]
    public void A_jpeg_in_pdf_scan_is_its_own_jpeg_decoded()
    {
        var jpeg = ScanJpeg(1240, 1754);
        var pdf = Path.Combine(Path.GetTempPath(), $"intake-jpeg-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(pdf, JpegPdf.Make(jpeg, 1240, 1754, 150));
        try
        {
            using var source = PdfPageSource.Open(pdf, _rasterizer, 300);
            source.Pages[0].Should().BeEquivalentTo(new { Kind = PdfPageKind.EmbeddedImage, Encoding = "dct", Width = 1240, Height = 1754, Dpi = 150.0 });

            using var page = source.Decode(1);
            using var expected = ImageSource.FromBytes(jpeg).Decode();
            (page.Width, page.Height, page.DpiX, page.DpiY).Should().Be((1240, 1754, 150.0, 150.0));
            page.Encode(".png").Should().Equal(expected.WithDpi(150, 150).Encode(".png"), "the JPEG's own pixels, not a re-rendering");
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public void A_password_and_too_many_pages_are_refused_as_before()
    {
        var act = () => PdfPageSource.Open(Corpus.File("field-cases", "pdf-password", "user-password.pdf"), _rasterizer, 300);
        act.Should().Throw<InvalidDataException>().WithMessage("*tệp PDF được bảo vệ bằng mật khẩu / this PDF is protected by a password*");

        using var few = new PdfRasterizer(maxPages: 5);
        var many = () => PdfPageSource.Open(Corpus.File("field-cases", "pdf-200-pages", "empty-200.pdf"), few, 300);
        many.Should().Throw<InvalidDataException>().WithMessage("*có 200 trang, nhận tối đa 5*");
    }

    internal static byte[] ScanJpeg(int width, int height)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)235);
        for (var y = 200; y < height - 200; y += 60)
            for (var x = 150; x < width - 150; x++)
                if ((x / 37) % 3 != 0)
                    for (var t = 0; t < 12; t++) pixels[((y + t) * width) + x] = 30;
        using var image = Image.FromPixels(pixels, width, height, 1, width, 150, 150);
        return image.Encode(".jpg", 85);
    }

    private static double Mean(Image image) => image.UsePixels(buffer =>
    {
        long sum = 0;
        var row = new byte[buffer.Width * buffer.BytesPerPixel];
        for (var y = 0; y < buffer.Height; y++)
        {
            System.Runtime.InteropServices.Marshal.Copy(buffer.Data + (nint)((long)y * buffer.Stride), row, 0, row.Length);
            foreach (var value in row) sum += value;
        }
        return (double)sum / ((long)buffer.Width * buffer.Height * buffer.BytesPerPixel);
    });
}

/// <summary>
/// Strict parsing first, then lenient, then poppler alone: a PDF PdfPig cannot parse either way is still drawn, and
/// says so. (No damage found here makes PdfPig 0.1.16 fail strictly yet succeed leniently while poppler still opens
/// the file: its strict mode already searches for objects a wrong xref table misplaces.)
/// </summary>
public sealed class PdfLenientParsingTests : IDisposable
{
    private readonly PdfRasterizer _rasterizer = new();
    private readonly string _pdf = Path.Combine(Path.GetTempPath(), $"intake-broken-xref-{Guid.NewGuid():N}.pdf");

    public void Dispose()
    {
        _rasterizer.Dispose();
        File.Delete(_pdf);
    }

    [Fact]
    public void A_pdf_pdfpig_cannot_parse_at_all_is_drawn_by_poppler_and_reported()
    {
        // the page's content stream says it is 9 bytes longer than it is: poppler finds endstream, PdfPig does not
        Write(System.Text.RegularExpressions.Regex.Replace(Pdf(), @"<< /Length (\d+) >>",
            m => $"<< /Length {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 9} >>"));

        using var source = PdfPageSource.Open(_pdf, _rasterizer, 300);

        source.Parsing.Should().Be(PdfParsing.Failed);
        source.ParsingProblem.Should().NotBeNullOrEmpty();
        source.Pages.Should().ContainSingle().Which.Kind.Should().Be(PdfPageKind.Rendered);
        using var page = source.Decode(1);
        page.Width.Should().Be(1240, "drawn at 300 dpi");
    }

    private static string Pdf() => System.Text.Encoding.Latin1.GetString(JpegPdf.Make(PdfPageSourceTests.ScanJpeg(620, 877), 620, 877, 150));

    private void Write(string pdf) => File.WriteAllBytes(_pdf, System.Text.Encoding.Latin1.GetBytes(pdf));
}
