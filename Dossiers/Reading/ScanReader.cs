using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Imaging.Codes;
using Intake.Ocr;
using Intake.Ocr.Orientation;
using Intake.Ocr.Zones;

namespace Intake.Dossiers.Reading;

/// <summary>
/// Reads one scanned page, the same way for every page: cards lying on the glass are found and cut out upright
/// (DocumentFinder); each card is set the right way up — by its QR code's own corners when it has one (free and
/// certain), else by whether its MRZ reads turned or not, else by the orientation detector — then its QR, MRZ band and
/// printed text are read. A page without cards is oriented, deskewed and read whole. Every piece is recognised once,
/// in colour, with its searchable PDF. Thread-safe: pages may be read in parallel, bounded by the engine pool.
/// </summary>
public sealed class ScanReader : IDisposable
{
    private readonly OcrEnginePool _pool;
    private readonly OrientationDetector _orientation;
    private readonly ZoneReader _zones;
    private readonly MrzBandReader _mrz;
    private readonly Deskewer _deskewer = new(maxDegrees: 20);
    private readonly ScanReaderOptions _options;

    public ScanReader(ScanReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _pool = new OcrEnginePool(new OcrOptions { Languages = options.Languages, Workers = options.Workers });
        _orientation = new OrientationDetector(_pool);
        _zones = new ZoneReader(ZoneOptions.Mrz with { Workers = _pool.Workers });
        _mrz = new MrzBandReader(_zones);
    }

    public int Workers => _pool.Workers;

    /// <summary>Loads every reading engine now, in parallel, rather than on each worker's first page.</summary>
    public void WarmUp() => _pool.WarmUp();

    public PageRead ReadPage(Image page, int pageIndex, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var dpi = page.DpiY > 0 ? page.DpiY : page.DpiX;
        var pieces = new List<ReadPiece>();
        if (IsLoneCard(page))
        {
            pieces.Add(ReadCard(page, pageIndex, new RotatedBox(page.Width / 2.0, page.Height / 2.0, page.Width, page.Height, 0), null, cancellationToken));
        }
        else
        {
            var cards = DocumentFinder.FindDocuments(page)
                .Where(d => d.Kind == DocumentKind.Card && d.Confidence >= _options.MinCardConfidence)
                .OrderBy(d => d.Bounds.Y)
                .ToArray();
            foreach (var card in cards)
            {
                using var extracted = DocumentFinder.Extract(page, card);
                // the card's own size gives its resolution, whatever the file's header claims
                using var crop = extracted.WithDpi(Id1Card.ResolutionOf(extracted.Width), Id1Card.ResolutionOf(extracted.Width));
                pieces.Add(ReadCard(crop, pageIndex, card.Region, card.Bounds, cancellationToken));
            }

            if (cards.Length == 0 && CardInPhoto(page) is { } photographed)
            {
                using (photographed.Card)
                {
                    pieces.Add(ReadCard(photographed.Card, pageIndex, photographed.Region, photographed.Bounds, cancellationToken));
                }
            }
            else if (cards.Length == 0)
            {
                pieces.Add(ReadWholePage(page, pageIndex, cancellationToken));
            }
        }

        return new PageRead(pageIndex, page.Width, page.Height, dpi, pieces);
    }

    public void Dispose()
    {
        _orientation.Dispose();
        _zones.Dispose();
        _pool.Dispose();
    }

    /// <summary>An image that is itself a card (a cropped photo or a card scanned alone): ID-1 proportions and size.</summary>
    private static bool IsLoneCard(Image page)
    {
        var longSide = Math.Max(page.Width, page.Height);
        var aspect = longSide / (double)Math.Min(page.Width, page.Height);
        var dpi = page.DpiX > 0 ? page.DpiX : 0;
        var smallEnough = dpi > 0 ? longSide / dpi * 25.4 < 120 : longSide < 1800;
        return page.Width > page.Height && Math.Abs(aspect - Id1Card.Aspect) < 0.15 && smallEnough;
    }

    /// <summary>
    /// A card photographed on a table (perspective, uneven light, the table around it): the quad of its outline, when
    /// it is sure and has the ID-1 shape, warped flat and landscape, with the resolution its size gives. Null when the
    /// image shows no such quad.
    /// </summary>
    private static (Image Card, RotatedBox Region, PixelRect Bounds)? CardInPhoto(Image page)
    {
        var quad = PageQuadFinder.Find(page);
        if (quad.Confidence < MinPhotoQuadConfidence)
        {
            return null;
        }

        var across = Math.Max(Distance(quad.TopLeft, quad.TopRight), Distance(quad.BottomLeft, quad.BottomRight));
        var down = Math.Max(Distance(quad.TopLeft, quad.BottomLeft), Distance(quad.TopRight, quad.BottomRight));
        var aspect = Math.Max(across, down) / Math.Max(1, Math.Min(across, down));
        if (Math.Abs(aspect - Id1Card.Aspect) > MaxPhotoAspectError || across * down > 0.9 * page.Width * page.Height)
        {
            return null;
        }

        var warped = PageQuadFinder.Warp(page, quad);
        if (warped.Height > warped.Width)
        {
            using var sideways = warped;
            warped = sideways.Rotate(90);
        }

        var dpi = Id1Card.ResolutionOf(warped.Width);
        using (warped)
        {
            var card = warped.WithDpi(dpi, dpi);
            PagePoint[] corners = [quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft];
            var left = (int)corners.Min(c => c.X);
            var top = (int)corners.Min(c => c.Y);
            var bounds = new PixelRect(left, top, (int)Math.Ceiling(corners.Max(c => c.X)) - left, (int)Math.Ceiling(corners.Max(c => c.Y)) - top);
            var degrees = Math.Atan2(-(quad.TopRight.Y - quad.TopLeft.Y), quad.TopRight.X - quad.TopLeft.X) * 180 / Math.PI;
            var region = new RotatedBox(corners.Average(c => c.X), corners.Average(c => c.Y), across, down, degrees);
            return (card, region, bounds);
        }
    }

    private const double MinPhotoQuadConfidence = 0.5;
    private const double MaxPhotoAspectError = 0.12;

    private static double Distance(PagePoint a, PagePoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private ReadPiece ReadCard(Image crop, int pageIndex, RotatedBox region, PixelRect? bounds, CancellationToken cancellationToken)
    {
        var qr = QrReader.Read(crop);
        MrzBandReading? mrz = null;
        int turn;
        string how;
        if (qr is not null)
        {
            turn = IsUpsideDown(qr) ? 180 : 0;
            how = "qr";
        }
        else
        {
            mrz = _mrz.Read(crop, cancellationToken);
            turn = 0;
            how = "mrz";
            if (!mrz.Found)
            {
                using var turned = crop.Rotate(180);
                var other = _mrz.Read(turned, cancellationToken);
                if (other.Found)
                {
                    (mrz, turn) = (other, 180);
                }
                else
                {
                    // a landscape card is either upright or upside down; a quarter turn would make it portrait
                    var detected = _orientation.Detect(crop, cancellationToken);
                    turn = detected.Degrees == 180 ? 180 : 0;
                    how = $"detector ({detected.Method})";
                }
            }
        }

        using var rotated = turn == 0 ? null : crop.Rotate(turn);
        var upright = rotated ?? crop;
        if (qr is not null || (mrz is not null && !mrz.Found && turn != 0))
        {
            mrz = _mrz.Read(upright, cancellationToken);
        }

        var text = _pool.Recognize(upright, OcrOutputs.SearchablePdf, pageIndex, cancellationToken);
        var mrzLines = mrz is { Found: true } || (mrz is not null && mrz.Lines.Any(l => l.Contains("<<", StringComparison.Ordinal))) ? mrz!.Lines : null;
        var piece = new RecognisedPiece(pageIndex, bounds, IsCard: true, text, qr?.Text, mrzLines);
        var layer = new PieceLayer(-1, pageIndex, WholePage: bounds is null && region.Degrees == 0 && turn == 0, text.SearchablePdf ?? [],
            region.CenterX, region.CenterY, region.Width, region.Height, region.Degrees + turn);
        return new ReadPiece(piece, layer, $"{turn}° by {how}");
    }

    /// <summary>The QR code is printed upright on the card: a code the decoder finds upside down means the card is.</summary>
    private static bool IsUpsideDown(QrCode qr) => qr.TurnedDegrees is 180;

    private ReadPiece ReadWholePage(Image page, int pageIndex, CancellationToken cancellationToken)
    {
        var orientation = _orientation.Detect(page, cancellationToken);
        using var turned = orientation.Degrees == 0 ? null : page.Rotate(orientation.Degrees);
        var straight = _deskewer.Straighten(turned ?? page);
        try
        {
            var text = _pool.Recognize(straight.Page, OcrOutputs.SearchablePdf, pageIndex, cancellationToken);
            var piece = new RecognisedPiece(pageIndex, null, IsCard: false, text);
            var layer = new PieceLayer(-1, pageIndex, WholePage: true, text.SearchablePdf ?? [], page.Width / 2.0, page.Height / 2.0, page.Width, page.Height, 0);
            return new ReadPiece(piece, layer, $"{orientation.Degrees}° by {orientation.Method}, skew {straight.Skew.Degrees:0.##}°");
        }
        finally
        {
            if (straight.Rotated)
            {
                straight.Page.Dispose();
            }
        }
    }
}
