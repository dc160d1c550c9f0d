using Intake.Pages;
using FluentAssertions;
using Intake.Imaging.Cleanup;
using Xunit;

namespace Intake.Imaging.Tests.Cleanup;

public sealed class DocumentFinderTests
{
    private const int Dpi = 300;
    private const int CardWidth = 1011;  // 85.6 mm at 300 dpi
    private const int CardHeight = 638;  // 54 mm

    [Fact]
    public void Two_cards_on_a_flatbed_are_found_and_cut_out_straight()
    {
        using var scan = FlatbedWithTwoCards();
        var found = DocumentFinder.FindDocuments(scan);
        found.Should().HaveCount(2);
        found.Should().OnlyContain(d => d.Kind == DocumentKind.Card && d.Confidence > 0.5);
        var angles = found.Select(d => d.Region.Degrees).Order().ToArray();
        angles[0].Should().BeApproximately(-12, 1);
        angles[1].Should().BeApproximately(7, 1);
        foreach (var document in found)
        {
            document.Region.Width.Should().BeApproximately(CardWidth, CardWidth * 0.03);
            document.Region.Height.Should().BeApproximately(CardHeight, CardHeight * 0.03);
            using var card = DocumentFinder.Extract(scan, document);
            card.Width.Should().BeGreaterThan(card.Height);
            card.Width.Should().BeCloseTo(CardWidth, 30);
            card.Height.Should().BeCloseTo(CardHeight, 20);
            // Cut out straight: the text on it has no skew left.
            new Deskewer().Measure(card).Degrees.Should().BeApproximately(0, 0.5);
        }
    }

    [Fact]
    public void An_empty_flatbed_has_no_documents()
    {
        using var lid = Image.FromPixels(Enumerable.Repeat((byte)245, 620 * 877 * 3).ToArray(), 620, 877, 3, 620 * 3, 75, 75);
        DocumentFinder.FindDocuments(lid).Should().BeEmpty();
    }

    [Fact]
    public void A_photographed_page_is_found_and_warped_to_a4_proportions()
    {
        using var photo = CleanupCorpus.Load("camera-photos", "Exemples_SVT_IMG_20210329_122614.jpg");
        var quad = PageQuadFinder.Find(photo);
        quad.Confidence.Should().BeGreaterThan(0.5);
        quad.TopLeft.X.Should().BeLessThan(photo.Width / 4.0);
        quad.BottomRight.Y.Should().BeGreaterThan(photo.Height * 0.75);
        using var flat = PageQuadFinder.Warp(photo, quad);
        ((double)flat.Height / flat.Width).Should().BeApproximately(Math.Sqrt(2), 0.06);
    }

    [Fact]
    public void A_page_running_off_the_photo_is_still_found()
    {
        using var photo = CleanupCorpus.Load("camera-photos", "Exemples_Histoire_Geo_IMG_20210329_122524.jpg");
        var quad = PageQuadFinder.Find(photo);
        quad.Confidence.Should().BeGreaterThan(0.5);
        using var flat = PageQuadFinder.Warp(photo, quad);
        ((double)flat.Height / flat.Width).Should().BeInRange(1.2, 1.5);
    }

    /// <summary>
    /// A white A4 lid at 300 dpi with two tinted cards carrying real text, turned 7° and -12°
    /// counter-clockwise; each card is pasted by keeping the darker pixel, so the white fill of
    /// the rotation leaves the lid as it was.
    /// </summary>
    private static Image FlatbedWithTwoCards()
    {
        const int width = 2480, height = 3508;
        var canvas = new byte[width * height * 3];
        Array.Fill(canvas, (byte)246);
        using var text = CleanupCorpus.Rasterise("vietocr", "vietsample1.pdf", 1, 300);
        using var textGrey = text.ToGray();
        Paste(canvas, width, Card(textGrey, 300, 500, (232, 216, 196)), 7, 300, 400);
        Paste(canvas, width, Card(textGrey, 300, 1400, (200, 225, 240)), -12, 900, 2000);
        return Image.FromPixels(canvas, width, height, 3, width * 3, Dpi, Dpi);
    }

    private static Image Card(Image textGrey, int fromX, int fromY, (byte B, byte G, byte R) tint)
    {
        using var crop = textGrey.Crop(new PixelRect(fromX, fromY, CardWidth, CardHeight));
        var grey = CleanupCorpus.Pixels(crop);
        var bgr = new byte[grey.Length * 3];
        for (var i = 0; i < grey.Length; i++)
        {
            bgr[3 * i] = (byte)(grey[i] * tint.B / 255);
            bgr[3 * i + 1] = (byte)(grey[i] * tint.G / 255);
            bgr[3 * i + 2] = (byte)(grey[i] * tint.R / 255);
        }
        return Image.FromPixels(bgr, CardWidth, CardHeight, 3, CardWidth * 3, Dpi, Dpi);
    }

    private static void Paste(byte[] canvas, int canvasWidth, Image card, double degrees, int atX, int atY)
    {
        using (card)
        {
            using var turned = card.Rotate(degrees);
            var pixels = CleanupCorpus.Pixels(turned);
            for (var y = 0; y < turned.Height; y++)
            for (var x = 0; x < turned.Width * 3; x++)
            {
                var target = (atY + y) * canvasWidth * 3 + atX * 3 + x;
                canvas[target] = Math.Min(canvas[target], pixels[y * turned.Width * 3 + x]);
            }
        }
    }
}
