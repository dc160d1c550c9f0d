using Intake.Pages;
using Intake.Imaging;
using Intake.Imaging.Cleanup;

namespace Intake.Pipeline.Cards;

/// <summary>
/// The ID-1 cards an image shows, each cut out flat and landscape with the resolution its size gives: cards lying on a
/// flatbed (<see cref="DocumentFinder"/>), an image that is itself one card (a card scanned alone or cropped), or one
/// card photographed on a table (its outline's quad, warped flat). Empty when the image shows no card.
/// </summary>
public static class CardsOnThePage
{
    // A found card below this finder confidence is not trusted to be a card; the page is read whole.
    public const double MinCardConfidence = 0.4;
    // A scan smaller than three ID-1 cards cannot hold a flatbed full of them.
    private const double FlatbedCards = 3;
    private const double MinPhotoQuadConfidence = 0.5;
    private const double MaxAspectError = 0.12;
    private const double MaxSizeError = 0.15;
    // How far off the card's normal a phone may be held: one way across, the outline then looks up to 1/cos 35° = 1.22
    // times shorter than the card is, so its proportions lie anywhere from 1.30 to 1.94 instead of 1.586.
    private const double MaxSlantDegrees = 35;

    /// <summary>Cards found, top to bottom; each <see cref="CutCard.Image"/> is the caller's to dispose.</summary>
    public static IReadOnlyList<CutCard> Find(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var trusted = page.DpiX >= DocumentFinder.MinTrustedDpi ? page.DpiX : 0;
        if (IsLoneCard(page, trusted))
        {
            var whole = new FoundDocument(new RotatedBox(page.Width / 2.0, page.Height / 2.0, page.Width, page.Height, 0),
                new PixelRect(0, 0, page.Width, page.Height), DocumentKind.Card, 1);
            return [new CutCard(WithCardResolution(page.WithDpi(page.DpiX, page.DpiY)), whole, ByOutline: trusted > 0)];
        }

        // a photo (no resolution worth believing): the card's own outline, warped flat, before any blob on the glass
        var quad = trusted > 0 ? null : PageQuadFinder.Find(page);
        if (quad is not null && PhotographedCard(page, quad, slantedToo: false) is { } photographed)
        {
            return [photographed];
        }

        var dpi = page.DpiY > 0 ? page.DpiY : 300;
        if ((double)page.Width * page.Height >= FlatbedCards * Id1Card.AreaSquareInches * dpi * dpi)
        {
            var cards = DocumentFinder.FindDocuments(page)
                .Where(d => d.Kind == DocumentKind.Card && d.Confidence >= MinCardConfidence && HasCardShape(d.Region, trusted))
                .OrderBy(d => d.Bounds.Y)
                .ToArray();
            if (cards.Length > 0)
            {
                return [.. cards.Select(d => new CutCard(WithCardResolution(DocumentFinder.Extract(page, d)), d, ByOutline: trusted > 0))];
            }
        }

        if (trusted > 0)
        {
            return PhotographedCard(page, PageQuadFinder.Find(page), slantedToo: false) is { } onTable ? [onTable] : [];
        }

        // Last, a photographed outline whose proportions only foreshortening keeps from the ID-1 shape: tried as a
        // card that its QR code, MRZ or printed card labels must confirm, since a sheet of paper seen at an angle can
        // look as long.
        return PhotographedCard(page, quad!, slantedToo: true) is { } slanted ? [slanted] : [];
    }

    /// <summary>
    /// The ID-1 proportions, and with a resolution worth believing, the ID-1 size (within 15 %): a block of text or a
    /// photograph lying on the glass has neither.
    /// </summary>
    private static bool HasCardShape(RotatedBox region, double dpi)
    {
        var longSide = Math.Max(region.Width, region.Height);
        var shortSide = Math.Min(region.Width, region.Height);
        if (shortSide <= 0 || Math.Abs(longSide / shortSide - Id1Card.Aspect) > MaxAspectError + 0.06)
        {
            return false;
        }

        return dpi <= 0 || Math.Abs(longSide / dpi - Id1Card.LongInches) <= Id1Card.LongInches * MaxSizeError;
    }

    /// <summary>An image that is itself a card (a cropped photo or a card scanned alone): ID-1 proportions and size.</summary>
    private static bool IsLoneCard(Image page, double dpi)
    {
        var longSide = Math.Max(page.Width, page.Height);
        var aspect = longSide / (double)Math.Min(page.Width, page.Height);
        var smallEnough = dpi > 0 ? longSide / dpi * 25.4 < 120 : longSide < 1800;
        return page.Width > page.Height && Math.Abs(aspect - Id1Card.Aspect) < 0.15 && smallEnough;
    }

    /// <summary>
    /// A card photographed on a table (perspective, uneven light, the table around it): the quad of its outline, when
    /// it is sure and has the ID-1 shape, warped flat and landscape. With <paramref name="slantedToo"/>, an outline
    /// whose proportions a phone held up to <see cref="MaxSlantDegrees"/> off the card's normal could give is returned
    /// too, warped to the ID-1 proportions (what foreshortening squeezed is given back), as a card its codes or labels
    /// must confirm (<see cref="CutCard.ByOutline"/> false).
    /// </summary>
    private static CutCard? PhotographedCard(Image page, PageQuad quad, bool slantedToo)
    {
        if (quad.Confidence < MinPhotoQuadConfidence)
        {
            return null;
        }

        var across = Math.Max(Distance(quad.TopLeft, quad.TopRight), Distance(quad.BottomLeft, quad.BottomRight));
        var down = Math.Max(Distance(quad.TopLeft, quad.BottomLeft), Distance(quad.TopRight, quad.BottomRight));
        var aspect = Math.Max(across, down) / Math.Max(1, Math.Min(across, down));
        var squeeze = Math.Cos(MaxSlantDegrees * Math.PI / 180);
        var cardShaped = Math.Abs(aspect - Id1Card.Aspect) <= MaxAspectError;
        var slanted = aspect >= Id1Card.Aspect * squeeze && aspect <= Id1Card.Aspect / squeeze;
        if (!(cardShaped || (slantedToo && slanted)) || across * down > 0.9 * page.Width * page.Height)
        {
            return null;
        }

        var turned = across >= down ? 0 : 90;
        var warped = cardShaped ? PageQuadFinder.Warp(page, quad) : ToCardShape(page, quad, across, down);
        if (turned != 0)
        {
            using var sideways = warped;
            warped = sideways.Rotate(turned);
        }

        PagePoint[] corners = [quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft];
        var left = (int)corners.Min(c => c.X);
        var top = (int)corners.Min(c => c.Y);
        var bounds = new PixelRect(left, top, (int)Math.Ceiling(corners.Max(c => c.X)) - left, (int)Math.Ceiling(corners.Max(c => c.Y)) - top);
        var degrees = Math.Atan2(-(quad.TopRight.Y - quad.TopLeft.Y), quad.TopRight.X - quad.TopLeft.X) * 180 / Math.PI;
        var region = new RotatedBox(corners.Average(c => c.X), corners.Average(c => c.Y), Math.Max(across, down), Math.Min(across, down), degrees - turned);
        return new CutCard(WithCardResolution(warped), new FoundDocument(region, bounds, DocumentKind.Card, quad.Confidence), ByOutline: cardShaped);
    }

    /// <summary>A slanted card's quad warped to the ID-1 proportions, which foreshortening squeezed.</summary>
    private static Image ToCardShape(Image page, PageQuad quad, double across, double down)
    {
        var longSide = (int)Math.Round(Math.Max(across, down));
        var shortSide = (int)Math.Round(longSide / Id1Card.Aspect);
        return across >= down ? PageQuadFinder.Warp(page, quad, longSide, shortSide) : PageQuadFinder.Warp(page, quad, shortSide, longSide);
    }

    /// <summary>The card's own size gives its resolution, whatever the file's header claims; takes ownership.</summary>
    private static Image WithCardResolution(Image card)
    {
        using (card)
        {
            var dpi = Id1Card.ResolutionOf(Math.Max(card.Width, card.Height));
            return card.WithDpi(dpi, dpi);
        }
    }

    private static double Distance(PagePoint a, PagePoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}

/// <summary>
/// One card cut out of its page: the flat landscape image (the caller's to dispose) and where it lay.
/// <paramref name="ByOutline"/>: its outline alone proves a card (the ID-1 size measured at a resolution worth believing,
/// or a card-shaped quad photographed against its background). Otherwise only its proportions say so (a block of
/// text on a page whose header says 72 dpi can have them too, a sheet of paper photographed at a slant those of a card
/// seen so), and it is a card once a QR code, an MRZ or a card's bilingual labels are read on it (<see cref="CardOrienter"/>).
/// </summary>
public sealed record CutCard(Image Image, FoundDocument Document, bool ByOutline);
