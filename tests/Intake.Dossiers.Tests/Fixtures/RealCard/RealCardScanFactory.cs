using System.Globalization;

namespace Intake.Dossiers.Tests.Fixtures.RealCard;

/// <summary>A face lying on the glass or the table: its centre in page pixels and how far it is turned counter-clockwise.</summary>
public sealed record PlacedFace(RealCardFace Face, double CentreX, double CentreY, double Degrees);

/// <summary>A generated capture of one person's card, with how it was made, for the report.</summary>
public sealed record RealCardScan(int Seed, bool Photo, FakeCardHolder Holder, IReadOnlyList<PlacedFace> Faces, string Conditions, byte[] Jpeg)
{
    public bool ShowsFront => Faces.Any(f => f.Face is RealCardFace.Front2021 or RealCardFace.Front2024);

    public bool ShowsBack => Faces.Any(f => f.Face is RealCardFace.Back2021 or RealCardFace.Back2024);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed} {(Photo ? "photo" : "flatbed")}: {string.Join(" + ", Faces.Select(f => $"{f.Face}@{f.Degrees:0.#}°"))}, {Conditions}");
}

/// <summary>
/// Captures of real-layout cards (<see cref="RealCardSvg"/>), deterministic per seed, in the two ways a kiosk gets them:
/// an A4 flatbed page at 300 dpi on a near-white lid (one face, or both faces at 2-60 mm apart, stacked or side by
/// side; turned −15..15°, a quarter of faces upside down; a lamp tint, sensor noise, JPEG q60-92), and a phone photo
/// (2000 × 1500, the card on a darker wood-grain table in perspective, light falling off across the frame, slightly
/// soft, JPEG declaring 72 dpi as phones do).
/// </summary>
public static class RealCardScanFactory
{
    public const int FlatbedDpi = 300;
    private const double A4WidthMm = 210, A4HeightMm = 297;

    public static RealCardScan Flatbed(int seed)
    {
        var random = new Random(unchecked((seed * 7_919) + 3));
        var generation2024 = random.Next(5) < 2;
        var holder = FakeCardHolder.Create(seed, generation2024);
        var (front, back) = generation2024 ? (RealCardFace.Front2024, RealCardFace.Back2024) : (RealCardFace.Front2021, RealCardFace.Back2021);
        var pxPerMm = FlatbedDpi / 25.4;
        var layout = random.Next(5); // 0-1 front, 2 back, 3-4 both
        var faces = layout switch
        {
            < 2 => [Alone(front, random, pxPerMm)],
            2 => [Alone(back, random, pxPerMm)],
            _ => Both(front, back, random, pxPerMm),
        };

        var canvas = new Canvas((int)Math.Round(A4WidthMm * pxPerMm), (int)Math.Round(A4HeightMm * pxPerMm));
        var lid = 243 + random.Next(9);
        canvas.Fill(lid, lid, lid - 2);
        foreach (var face in faces)
        {
            var card = CardBitmap.Render(RealCardSvg.Draw(holder, face.Face, (seed * 31) + (int)face.Face));
            canvas.Paint(card, Homography.Placement(RealCardSvg.WidthMm, RealCardSvg.HeightMm, pxPerMm, face.CentreX, face.CentreY, face.Degrees));
        }

        // a lamp's cast: one channel a few per cent off
        double[] tint = [1 + ((random.NextDouble() - 0.5) * 0.06), 1 + ((random.NextDouble() - 0.5) * 0.04), 1 + ((random.NextDouble() - 0.5) * 0.06)];
        canvas.Tint(tint[0], tint[1], tint[2]);
        var sigma = 2 + (random.NextDouble() * 4);
        var quality = 60 + random.Next(33);
        var conditions = string.Create(CultureInfo.InvariantCulture, $"lid {lid}, tint r{tint[0]:0.00} g{tint[1]:0.00} b{tint[2]:0.00}, noise σ{sigma:0.0}, JPEG q{quality}");
        return new RealCardScan(seed, false, holder, faces, conditions, canvas.Jpeg(sigma, quality, FlatbedDpi, seed));
    }

    public static RealCardScan PhonePhoto(int seed)
    {
        var random = new Random(unchecked((seed * 6_007) + 11));
        var generation2024 = random.Next(5) < 2;
        var holder = FakeCardHolder.Create(seed, generation2024);
        var face = (random.Next(2) == 0, generation2024) switch
        {
            (true, false) => RealCardFace.Front2021,
            (false, false) => RealCardFace.Back2021,
            (true, true) => RealCardFace.Front2024,
            _ => RealCardFace.Back2024,
        };
        const int width = 2000, height = 1500;
        var canvas = new Canvas(width, height);
        var wood = (R: 110 + random.Next(40), G: 78 + random.Next(25), B: 48 + random.Next(20));
        var grainPhase = random.NextDouble() * 100;
        var grain = new Random(seed);
        canvas.Fill((x, y) =>
        {
            var streak = (0.09 * Math.Sin(((y + (30 * Math.Sin((x / 210.0) + grainPhase))) / 5.5) + grainPhase)) + (0.05 * Math.Sin(y / 37.0));
            var speck = grain.Next(-7, 8);
            return ((int)(wood.R * (1 + streak)) + speck, (int)(wood.G * (1 + streak)) + speck, (int)(wood.B * (1 + streak)) + speck);
        });

        var cardWidthPx = 1150 + random.Next(450);
        var scale = cardWidthPx / RealCardSvg.WidthMm;
        var degrees = Math.Round((random.NextDouble() * 30) - 15, 1) + (random.Next(4) == 0 ? 180 : 0);
        var centre = (X: (width / 2.0) + random.Next(-120, 121), Y: (height / 2.0) + random.Next(-90, 91));
        var flat = Homography.Placement(RealCardSvg.WidthMm, RealCardSvg.HeightMm, scale, centre.X, centre.Y, degrees);
        (double X, double Y)[] cardCorners = [(0, 0), (RealCardSvg.WidthMm, 0), (RealCardSvg.WidthMm, RealCardSvg.HeightMm), (0, RealCardSvg.HeightMm)];
        // the phone held a little off the card's normal: each corner moves by up to 6 % of the card's width
        var tilt = cardWidthPx * 0.06;
        var seen = cardCorners.Select(c => flat.Map(c.X, c.Y))
            .Select(p => (X: Math.Clamp(p.X + ((random.NextDouble() - 0.5) * 2 * tilt), 40, width - 40), Y: Math.Clamp(p.Y + ((random.NextDouble() - 0.5) * 2 * tilt), 40, height - 40)))
            .ToArray();
        var card = CardBitmap.Render(RealCardSvg.Draw(holder, face, (seed * 37) + (int)face));
        canvas.Paint(card, Homography.FromCorners(cardCorners, seen));

        // light from one side: the gain falls linearly across the frame, plus a vignette
        var direction = random.NextDouble() * 2 * Math.PI;
        var (dx, dy) = (Math.Cos(direction), Math.Sin(direction));
        var (bright, dim) = (1.02 + (random.NextDouble() * 0.1), 0.62 + (random.NextDouble() * 0.15));
        var halfDiagonal = Math.Sqrt((width * width) + (height * height)) / 2;
        double[] warm = [0.94 + (random.NextDouble() * 0.06), 1, 1 + (random.NextDouble() * 0.05)];
        canvas.Light(
            (x, y) =>
            {
                var along = ((((x - (width / 2.0)) * dx) + ((y - (height / 2.0)) * dy)) / halfDiagonal * 0.5) + 0.5;
                var r2 = (Math.Pow(x - (width / 2.0), 2) + Math.Pow(y - (height / 2.0), 2)) / (halfDiagonal * halfDiagonal);
                return (dim + ((bright - dim) * along)) * (1 - (0.18 * r2));
            },
            warm);
        var soft = 0.3 + (random.NextDouble() * 0.5);
        canvas.Soften(soft);
        var sigma = 2.5 + (random.NextDouble() * 3.5);
        var quality = 70 + random.Next(21);
        var placed = new PlacedFace(face, centre.X, centre.Y, degrees);
        var conditions = string.Create(CultureInfo.InvariantCulture,
            $"card {cardWidthPx} px wide, light {dim:0.00}-{bright:0.00} from {direction * 180 / Math.PI:0}°, soft {soft:0.00}, noise σ{sigma:0.0}, JPEG q{quality} at 72 dpi");
        return new RealCardScan(seed, true, holder, [placed], conditions, canvas.Jpeg(sigma, quality, 72, seed));
    }

    private static double Angle(Random random) =>
        Math.Round((random.NextDouble() * 30) - 15, 1) + (random.Next(4) == 0 ? 180 : 0);

    private static PlacedFace Alone(RealCardFace face, Random random, double pxPerMm) =>
        new(face, (55 + (random.NextDouble() * 100)) * pxPerMm, (45 + (random.NextDouble() * 200)) * pxPerMm, Angle(random));

    /// <summary>Both faces on one page, their turned outlines 2-60 mm apart, one under the other or side by side.</summary>
    private static PlacedFace[] Both(RealCardFace front, RealCardFace back, Random random, double pxPerMm)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (a1, a2) = (Angle(random), Angle(random));
            var (w1, h1) = Extent(a1);
            var (w2, h2) = Extent(a2);
            var gap = 2 + (random.NextDouble() * 58);
            var sideBySide = random.Next(4) == 0;
            var x1 = 4 + (w1 / 2) + (random.NextDouble() * 30);
            var y1 = 4 + (h1 / 2) + (random.NextDouble() * 60);
            var (x2, y2) = sideBySide
                ? (x1 + (w1 / 2) + gap + (w2 / 2), y1 + ((random.NextDouble() - 0.5) * 20))
                : (x1 + ((random.NextDouble() - 0.5) * 40), y1 + (h1 / 2) + gap + (h2 / 2));
            var fits = x2 - (w2 / 2) >= 4 && x2 + (w2 / 2) <= A4WidthMm - 4 && y2 - (h2 / 2) >= 4 && y2 + (h2 / 2) <= A4HeightMm - 4;
            if (fits || attempt > 200)
            {
                var frontFirst = random.Next(3) != 0;
                var (f1, f2) = frontFirst ? (front, back) : (back, front);
                return [new PlacedFace(f1, x1 * pxPerMm, y1 * pxPerMm, a1), new PlacedFace(f2, x2 * pxPerMm, y2 * pxPerMm, a2)];
            }
        }
    }

    /// <summary>The axis-aligned extent (mm) of a card turned by <paramref name="degrees"/>.</summary>
    private static (double Width, double Height) Extent(double degrees)
    {
        var a = degrees * Math.PI / 180;
        var (c, s) = (Math.Abs(Math.Cos(a)), Math.Abs(Math.Sin(a)));
        return ((RealCardSvg.WidthMm * c) + (RealCardSvg.HeightMm * s), (RealCardSvg.WidthMm * s) + (RealCardSvg.HeightMm * c));
    }
}
