using FluentAssertions;
using Intake.Imaging;
using Intake.TestSupport;
using Xunit;

namespace Intake.Imaging.Tests;

/// <summary>Every image format in the shared corpus decodes, with the size and dpi its header declares.</summary>
public sealed class DecodeCorpusTests
{
    // Truth from tiffinfo, `file` and the PNG pHYs chunk, not from our own reader.
    [Theory]
    [InlineData("tesseract-test/phototest.tif", ImageFormat.Tiff, 640, 480, 1, 200)]
    [InlineData("tesseract-test/eurotext.tif", ImageFormat.Tiff, 1024, 800, 1, 300)]
    [InlineData("tesseract-test/8071_093.3B.tif", ImageFormat.Tiff, 3312, 2550, 1, 300)] // 1-bit CCITT G4, big-endian
    [InlineData("vietocr/vietsample1.tif", ImageFormat.Tiff, 1200, 1800, 2, 300)]        // multi-page G4
    [InlineData("ocrmypdf/baiona.png", ImageFormat.Png, 640, 682, 1, 0)]
    [InlineData("ocrmypdf/linn.png", ImageFormat.Png, 2550, 3300, 1, 0)]                 // 1-bit palette
    [InlineData("tess4j/eurotext90.png", ImageFormat.Png, 800, 1024, 1, 300)]
    [InlineData("tess4j/eurotext_deskew.png", ImageFormat.Png, 1236, 1102, 1, 300)]      // RGBA
    [InlineData("passporteye/passport-td3.png", ImageFormat.Png, 1334, 880, 1, 96)]
    [InlineData("zxing-cpp/qrcode-1/1.webp", ImageFormat.WebP, 358, 310, 1, 0)]
    [InlineData("zxing-cpp/qrcode-2/#199b.jpg", ImageFormat.Jpeg, 100, 99, 1, 72)]
    [InlineData("zxing-cpp/qrcode-2/high-res-1.jpg", ImageFormat.Jpeg, 350, 375, 1, 0)] // progressive, aspect-only density
    public void Decodes_with_declared_size_and_dpi(string file, ImageFormat format, int width, int height, int pages, double dpi)
    {
        using var source = ImageSource.Open(Corpus.File(file.Split('/')));
        source.Format.Should().Be(format);
        source.PageCount.Should().Be(pages);
        for (var page = 0; page < pages; page++)
        {
            source.Pages[page].Width.Should().Be(width);
            source.Pages[page].Height.Should().Be(height);
            source.Pages[page].DpiX.Should().BeApproximately(dpi, 0.5);
            using var image = source.Decode(page);
            image.Width.Should().Be(width);
            image.Height.Should().Be(height);
            image.DpiY.Should().BeApproximately(dpi, 0.5);
            image.Channels.Should().BeOneOf(1, 3);
        }
    }

    public static TheoryData<string> CorpusImages()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Corpus.Root, "*", SearchOption.AllDirectories)
                     .Where(p => Path.GetExtension(p).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".tif" or ".tiff" or ".webp" or ".bmp")
                     .Where(p => new FileInfo(p).Length > 0)
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Corpus.Root, path));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusImages))]
    public void Every_corpus_image_decodes_to_its_declared_size(string relative)
    {
        using var source = ImageSource.Open(Path.Combine(Corpus.Root, relative));
        for (var page = 0; page < source.PageCount; page++)
        {
            using var image = source.Decode(page);
            // JPEG photos may carry an EXIF orientation that turns the page a quarter.
            new[] { (image.Width, image.Height), (image.Height, image.Width) }
                .Should().Contain((source.Pages[page].Width, source.Pages[page].Height));
        }
    }

    // OpenCV expands palette PNGs to BGR; a palette page with no colour in it comes out grey, so Tesseract
    // reads it as grey (the CLI does, through Leptonica) instead of thresholding three channels.
    // True-colour files stay colour, whatever they show: a colour scan is archived in colour.
    [Theory]
    [InlineData("ocrmypdf/typewriter.png", 1)]       // 1-bit palette
    [InlineData("ocrmypdf/linn.png", 1)]             // 1-bit palette
    [InlineData("passporteye/0_id-esp.png", 3)]      // 8-bit palette, a colour card
    [InlineData("ocrmypdf/baiona.png", 3)]           // RGB photo
    [InlineData("tess4j/eurotext_deskew.png", 3)]    // RGBA of a black-and-white page
    public void Palette_pages_without_colour_decode_to_one_channel(string file, int channels)
    {
        using var source = ImageSource.Open(Corpus.File(file.Split('/')));
        using var image = source.Decode(0);
        image.Channels.Should().Be(channels);
    }

    [Fact]
    public void Pages_of_a_multipage_tiff_keep_their_own_size()
    {
        // vietsample2.tif: page 1 is landscape (scanned sideways), page 2 portrait.
        using var source = ImageSource.Open(Corpus.File("vietocr", "vietsample2.tif"));
        source.PageCount.Should().Be(2);
        (source.Pages[0].Width, source.Pages[0].Height).Should().Be((3300, 2550));
        using var second = source.Decode(1);
        (second.Width, second.Height).Should().Be((source.Pages[1].Width, source.Pages[1].Height));
        second.DpiX.Should().BeApproximately(300, 0.5);
    }

    [Fact]
    public void Empty_corpus_files_are_reported_as_empty()
    {
        // ocrmypdf/congress.jpg is an empty file in the corpus.
        var act = () => ImageSource.Open(Corpus.File("ocrmypdf", "congress.jpg"));
        act.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Io && e.Message.Contains("empty"));
    }
}
