using Intake.Pages;
using FluentAssertions;
using Intake.Imaging.Cleanup;
using Xunit;

namespace Intake.Imaging.Tests.Cleanup;

public sealed class PageAnalysisTests
{
    [Fact]
    public void The_ocr_copy_is_binary_grey_of_the_same_size_and_dpi()
    {
        using var page = CleanupCorpus.Rasterise("ocrmypdf", "skew.pdf", 1, 150);
        using var copy = OcrBinarizer.MakeOcrCopy(page);
        (copy.Width, copy.Height, copy.Channels, copy.DpiX).Should().Be((page.Width, page.Height, 1, page.DpiX));
        var pixels = CleanupCorpus.Pixels(copy);
        pixels.Should().OnlyContain(v => v == 0 || v == 255);
        var ink = pixels.Count(v => v == 0) / (double)pixels.Length;
        ink.Should().BeInRange(0.02, 0.3);
    }

    [Fact]
    public void Dark_scanner_borders_are_cropped_away()
    {
        using var page = CleanupCorpus.Load("deskew-sbrunner", "deskew-4.png");
        var paper = ContentCropper.FindPaper(page);
        paper.X.Should().BeGreaterThan(50);
        paper.Width.Should().BeLessThan(page.Width - 100);
        paper.Height.Should().BeLessThan(page.Height - 100);
        paper.Height.Should().BeGreaterThan(page.Height / 2);
    }

    [Fact]
    public void A_page_without_borders_is_not_cropped()
    {
        using var page = CleanupCorpus.Load("tesseract-test", "eurotext.tif");
        ContentCropper.Crop(page).Should().BeSameAs(page);
    }

    [Fact]
    public void The_ink_of_a_turned_page_lies_inside_the_canvas_the_rotation_widened()
    {
        using var page = CleanupCorpus.Load("tesseract-test", "eurotext.tif");
        var upright = ContentCropper.FindInk(page, 0);
        using var turned = page.Rotate(25);
        var ink = ContentCropper.FindInk(turned, 0);
        // The blank corners go; the ink itself, wider once turned, all stays.
        ((double)ink.Width * ink.Height).Should().BeLessThan(0.7 * turned.Width * turned.Height);
        ((double)ink.Width * ink.Height).Should().BeGreaterThan((double)upright.Width * upright.Height);

        var grown = ContentCropper.FindInk(turned, 20);
        grown.Should().Be(new PixelRect(ink.X - 20, ink.Y - 20, ink.Width + 40, ink.Height + 40));
    }

    [Fact]
    public void A_page_without_ink_keeps_its_whole_canvas()
    {
        using var blank = Image.FromPixels(Enumerable.Repeat((byte)250, 400 * 300).ToArray(), 400, 300, 1, 400, 150, 150);
        ContentCropper.FindInk(blank, 10).Should().Be(new PixelRect(0, 0, 400, 300));
    }

    [Fact]
    public void Blank_pages_are_flagged_and_text_pages_are_not()
    {
        var detector = new BlankPageDetector();
        // Paper grey with scattered dust specks, as the back of a duplex scan looks.
        var random = new Random(7);
        var pixels = Enumerable.Repeat((byte)235, 1240 * 1754).ToArray();
        for (var i = 0; i < 300; i++) pixels[random.Next(pixels.Length)] = 40;
        using var blank = Image.FromPixels(pixels, 1240, 1754, 1, 1240, 150, 150);
        var blankVerdict = detector.Judge(blank);
        blankVerdict.IsBlank.Should().BeTrue();
        blankVerdict.InkScore.Should().BeLessThan(0.02);

        using var text = CleanupCorpus.Rasterise("vietocr", "vietsample1.pdf", 1, 150);
        var textVerdict = detector.Judge(text);
        textVerdict.IsBlank.Should().BeFalse();
        textVerdict.InkScore.Should().BeGreaterThan(0.5);
    }

    [Theory]
    [InlineData("vietocr", "vietsample1.pdf", 150)]
    [InlineData("vietocr", "vietsample1.pdf", 300)]
    public void Dpi_is_estimated_from_body_text(string folder, string pdf, int dpi)
    {
        using var page = CleanupCorpus.Rasterise(folder, pdf, 1, dpi);
        DpiEstimator.Estimate(page).Should().Be(dpi);
    }

    [Fact]
    public void A_page_without_dpi_gets_an_estimate_and_a_plausible_one_is_kept()
    {
        using var declared = CleanupCorpus.Load("tesseract-test", "eurotext.tif");
        DpiEstimator.EnsureDpi(declared).Should().BeSameAs(declared);
        using var undeclared = declared.WithDpi(0, 0);
        using var estimated = DpiEstimator.EnsureDpi(undeclared);
        estimated.DpiX.Should().Be(300);
    }

    [Fact]
    public void Blur_lowers_sharpness_and_a_photo_of_a_page_has_no_glare()
    {
        using var page = CleanupCorpus.Rasterise("vietocr", "vietsample1.pdf", 1, 150);
        using var grey = page.ToGray();
        using var blurred = BoxBlur(grey, 3);
        var sharp = CaptureQuality.Measure(grey).Sharpness;
        var soft = CaptureQuality.Measure(blurred).Sharpness;
        sharp.Should().BeGreaterThan(0.6);
        soft.Should().BeLessThan(sharp - 0.2);

        using var photo = CleanupCorpus.Load("camera-photos", "Exemples_SVT_IMG_20210329_122614.jpg");
        CaptureQuality.Measure(photo).GlareFraction.Should().BeLessThan(0.01);
    }

    private static Image BoxBlur(Image grey, int radius)
    {
        var src = CleanupCorpus.Pixels(grey);
        var dst = new byte[src.Length];
        int w = grey.Width, h = grey.Height;
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            int sum = 0, n = 0;
            for (var dy = -radius; dy <= radius; dy++)
            for (var dx = -radius; dx <= radius; dx++)
            {
                int yy = y + dy, xx = x + dx;
                if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
                sum += src[yy * w + xx];
                n++;
            }
            dst[y * w + x] = (byte)(sum / n);
        }
        return Image.FromPixels(dst, w, h, 1, w, grey.DpiX, grey.DpiY);
    }
}
