using Intake.Pages;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Ocr.Orientation;
using Intake.Pipeline.Cards;
using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// The cleanup stages, in the one order every page goes through (<see cref="Clean"/>):
/// resolution → cards on the page (on the glass, alone, or photographed) → for each card: set upright by its QR code
/// or MRZ (<see cref="CardOrienter"/>, which reads those codes on the way), read in colour; for a page without cards:
/// border crop → blank check → deskew (turning only the window around the ink) → orientation → residual deskew
/// (after a quarter turn) → reading copy (small print enlarged, white-on-dark bars inverted, binarised: <see cref="ReadingCopy"/>). Written once, as OCRmyPDF's <c>process_page</c> is; every verb reads through it.
/// Deskew runs before orientation because OSD reads straight text far better than text skewed by
/// 10–40 degrees, and any turn splits exactly into a skew within ±45 and a quarter turn.
/// Stages are pure per page; how many pages run at once is <see cref="PagePipeline"/>'s business.
/// </summary>
public sealed class PageCleaner(PageEngines engines, PageCleanerOptions options)
{
    private readonly OrientationDetector orientation = engines.Orientation;
    // White kept around the ink when a skewed page is turned: Tesseract reads edge-touching text badly.
    private const double InkMarginInches = 0.25;

    private readonly Deskewer _deskewer = new();
    // A card cut flat from its outline is at most a few degrees off: a wider search could lock onto its artwork.
    private readonly Deskewer _cardDeskewer = new(maxDegrees: 10);
    private readonly BlankPageDetector _blank = new();

    public PageCleanerOptions Options => options;

    public PageEngines Engines => engines;

    /// <summary>Cleans a decoded page; takes ownership of <paramref name="decoded"/>.</summary>
    public CleanedPage Clean(Image decoded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        var clock = new StageClock();
        var page = decoded;
        var pieces = new List<CleanPiece>();
        try
        {
            var declared = decoded.DpiY > 0 ? decoded.DpiY : decoded.DpiX;
            page = Swap(page, clock.Time("dpi", () => DpiEstimator.EnsureDpi(page), result => !ReferenceEquals(result, page)));
            var dpi = new DpiReport(declared, page.DpiY, page.DpiY != declared);

            // Cards are looked for on the page as scanned: the border crop would take a card photographed on a table
            // for the paper and cut the table away, leaving nothing around the card to find it by.
            var found = options.FindDocuments ? clock.Time("documents", () => CardsOnThePage.Find(page), f => f.Count > 0) : [];
            var cards = new List<(CleanPiece Piece, FoundDocument Document)>();
            var next = 0;
            try
            {
                for (; next < found.Count; next++)
                {
                    if (PrepareCard(found[next], cancellationToken) is { } piece) cards.Add((piece, found[next].Document));
                }
            }
            catch
            {
                // PrepareCard disposed the card it failed on; the ones after it were never taken
                foreach (var left in found.Skip(next + 1)) left.Image.Dispose();
                foreach (var (piece, _) in cards) piece.Dispose();
                throw;
            }

            if (ResolutionFromCards(page, cards) is { } measured)
            {
                // the cards' known size says what the header did not: the page is archived and reported at it
                page = Swap(page, page.WithDpi(measured, measured));
                dpi = new DpiReport(declared, measured, Estimated: true);
            }
            PixelRect? crop = null;
            if (cards.Count == 0)
            {
                var paper = clock.Time("crop", () => SafePaper(page), rect => rect != WholeOf(page));
                crop = paper == WholeOf(page) ? null : paper;
                if (crop is { } cut) page = Swap(page, page.Crop(cut));
            }

            var report = new PageCleanupReport(dpi, page.Width, page.Height, crop, [.. cards.Select(c => c.Document)], clock.Stages);
            pieces.AddRange(cards.Select(c => c.Piece));
            if (cards.Count == 0)
            {
                var whole = page;
                page = null!;
                pieces.Add(Prepare(whole, null, cancellationToken));
            }
            return new CleanedPage(pieces, report);
        }
        catch
        {
            foreach (var piece in pieces) piece.Dispose();
            throw;
        }
        finally
        {
            page?.Dispose();
        }
    }

    /// <summary>
    /// The paper inside dark borders, unless cutting there would cut text: a page already turned on a
    /// black canvas (tess4j's eurotext_deskew) has dark corners the cropper takes for borders, and its
    /// rectangle then runs through the first line.
    /// </summary>
    private PixelRect SafePaper(Image page)
    {
        var whole = WholeOf(page);
        var paper = ContentCropper.FindPaper(page);
        if (paper == whole) return whole;
        PixelRect[] strips =
        [
            new(0, 0, paper.X, page.Height),
            new(paper.Right, 0, page.Width - paper.Right, page.Height),
            new(0, 0, page.Width, paper.Y),
            new(0, paper.Bottom, page.Width, page.Height - paper.Bottom),
        ];
        foreach (var strip in strips.Where(s => s.Width > 8 && s.Height > 8))
        {
            using var cut = page.Crop(strip);
            if (!_blank.Judge(cut).IsBlank) return whole;
        }
        return paper;
    }

    /// <summary>
    /// The page's resolution as its cards measure it (the median of their ID-1 widths), when the declared one
    /// disagrees by more than a fifth, as a 300 dpi scan saved with a 96 dpi header does; null when it agrees or no
    /// card was found on a page larger than a card (a lone card's own size says nothing about a header it fills).
    /// </summary>
    private static double? ResolutionFromCards(Image page, List<(CleanPiece Piece, FoundDocument Document)> cards)
    {
        if (cards.Count == 0 || cards[0].Document.Bounds == WholeOf(page))
        {
            return null;
        }

        var measured = cards.Select(c => c.Piece.Clean.DpiX).Order().ElementAt(cards.Count / 2);
        var declared = page.DpiY > 0 ? page.DpiY : page.DpiX;
        return declared > 0 && Math.Abs(measured - declared) <= declared * MaxResolutionDisagreement ? null : Math.Round(measured);
    }

    private const double MaxResolutionDisagreement = 0.2;

    /// <summary>
    /// Sets one card upright for reading; takes ownership of its image. A card needs no deskew: the
    /// finder measured its angle from its outline and cut it out straight. Null (the image disposed) when the card was
    /// known by its proportions only and carries no QR code, MRZ or printed card labels to confirm it.
    /// </summary>
    private CleanPiece? PrepareCard(CutCard card, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        var current = card.Image;
        try
        {
            var blank = clock.Time("blank", () => _blank.Judge(current), _ => false);
            var upright = clock.Time("card-orientation", () => engines.Cards.Orient(current, codesRequired: !card.ByOutline, cancellationToken), c => c?.Turn is not (null or 0));
            if (upright is null && clock.Time("card-deskew", () => _cardDeskewer.Straighten(current), r => r.Rotated) is { Rotated: true } straightened)
            {
                // A slanted outline's corner found a little off (a rounded corner, a light band meeting a light table)
                // leaves the flattened card's lines turned by a few degrees, which the MRZ band reader does not
                // forgive: straightened, the card is looked at once more.
                current = Swap(current, straightened.Page);
                upright = clock.Time("card-orientation-straightened", () => engines.Cards.Orient(current, codesRequired: true, cancellationToken), c => c?.Turn is not (null or 0));
            }
            if (upright is null)
            {
                // known by its proportions only, and no code or card label on it: a block of text shaped like a card
                current.Dispose();
                return null;
            }
            if (upright.Turn != 0)
            {
                var turned = clock.Time("turn", () => current.Rotate(upright.Turn), _ => true);
                current = Swap(current, turned);
            }
            // A card is read in colour, never from the binarised OCR copy: on the tinted card body the copy lost tone
            // marks (TRẦN read TRẤN on 2 of 21 generated fronts, against none in colour).
            var clean = current;
            current = null!;
            return new CleanPiece(clean, clean, new PieceReport(card.Document, blank, null, null, null, ReadBinarised: false, clock.Stages) { Card = upright });
        }
        catch
        {
            current?.Dispose();
            throw;
        }
    }

    /// <summary>Straightens, orients and copies one piece for reading; takes ownership of <paramref name="piece"/>.</summary>
    private CleanPiece Prepare(Image piece, FoundDocument? document, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        var current = piece;
        try
        {
            var blank = clock.Time("blank", () => _blank.Judge(current), _ => false);
            SkewReport? skew = null, residual = null;
            PageOrientation? turn = null;
            if (!blank.IsBlank)
            {
                var unstraightened = current;
                skew = Straighten(ref current, clock, "deskew", disposeReplaced: false);
                // OSD is asked about the page, not the OCR copy: on a binarised low-resolution scan it
                // turned a page upside down with confidence, where on the page itself it was unsure.
                turn = clock.Time("orientation", () => orientation.Detect(current, cancellationToken), o => !o.IsUpright);
                var asCame = skew.Rotated && turn.Method == OrientationMethod.Recognition
                    ? clock.Time("orientation-unstraightened", () => orientation.Detect(unstraightened, cancellationToken), o => !o.IsUpright)
                    : null;
                if (asCame is not null && Legibility(asCame) > Legibility(turn))
                {
                    // Projection profiles can lock onto a lone word's letters at a steep angle. When neither
                    // the cues nor OSD could orient the straightened page, the page as it came is read too,
                    // and if it reads better the skew was wrong: keep the page as it came.
                    current.Dispose();
                    current = unstraightened;
                    skew = skew with { Rotated = false, Reverted = true };
                    turn = asCame;
                }
                else if (!ReferenceEquals(unstraightened, current))
                {
                    unstraightened.Dispose();
                }
                if (!turn.IsUpright)
                {
                    var turned = clock.Time("turn", () => current.Rotate(turn.Degrees), _ => true);
                    current = Swap(current, turned);
                }
                // A sideways page's skew is measured again once its lines run across.
                if (turn.Degrees is 90 or 270)
                {
                    residual = Straighten(ref current, clock, "residual-deskew");
                }
            }
            var clean = current;
            var (forReading, reading) = clock.Time("ocr-copy", () => ReadingCopy.Make(clean, options.ReadBinarised), r => !ReferenceEquals(r.Copy, clean));
            current = null!;
            return new CleanPiece(clean, forReading, new PieceReport(document, blank, skew, turn, residual, options.ReadBinarised, clock.Stages) { Reading = reading });
        }
        catch
        {
            current?.Dispose();
            throw;
        }
    }

    /// <summary>How well the chosen turn read (0 when it was not decided by reading).</summary>
    private static double Legibility(PageOrientation turn) =>
        turn.Candidates.FirstOrDefault(c => c.Degrees == turn.Degrees)?.Legibility ?? 0;

    private SkewReport Straighten(ref Image page, StageClock clock, string stage, bool disposeReplaced = true)
    {
        var before = page;
        var margin = (int)Math.Round(InkMarginInches * (page.DpiY > 0 ? page.DpiY : 300));
        var result = clock.Time(stage, () => _deskewer.Straighten(before, margin), r => r.Rotated);
        page = disposeReplaced ? Swap(page, result.Page) : result.Page;
        return new SkewReport(Math.Round(result.Skew.Degrees, 3), Math.Round(result.Skew.Confidence, 3), result.Rotated);
    }

    private static PixelRect WholeOf(Image page) => new(0, 0, page.Width, page.Height);

    private static Image Swap(Image current, Image next)
    {
        if (!ReferenceEquals(current, next)) current.Dispose();
        return next;
    }
}
