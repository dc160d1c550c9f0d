using Intake.Imaging;

namespace Intake.Dossiers.Tests.Fixtures.RealCard;

/// <summary>A colour page being composed (BGR rows): the background, the cards projected onto it, then light, noise and JPEG.</summary>
public sealed class Canvas(int width, int height)
{
    /// <summary>ISO/IEC 7810 ID-1 corner radius.</summary>
    private const double CornerRadiusMm = 3.18;

    private static readonly (double Dx, double Dy)[] Subsamples = [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)];

    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Bgr { get; } = new byte[width * height * 3];

    public void Fill(int r, int g, int b)
    {
        for (var i = 0; i < Bgr.Length; i += 3)
        {
            (Bgr[i], Bgr[i + 1], Bgr[i + 2]) = ((byte)b, (byte)g, (byte)r);
        }
    }

    public void Fill(Func<int, int, (int R, int G, int B)> colour)
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b) = colour(x, y);
                var i = ((y * Width) + x) * 3;
                (Bgr[i], Bgr[i + 1], Bgr[i + 2]) = (Clamp(b), Clamp(g), Clamp(r));
            }
        }
    }

    /// <summary>
    /// Projects the card (its millimetres mapped to this page's pixels by <paramref name="cardToPage"/>) with 2 × 2
    /// samples a pixel, each bilinear in the oversampled card: the edges and rounded corners blend into what lies
    /// beneath, as a scanner's optics or a phone's lens make them.
    /// </summary>
    public void Paint(CardBitmap card, Homography cardToPage)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(cardToPage);
        var pageToCard = cardToPage.Inverse();
        var corners = new[] { (0.0, 0.0), (RealCardSvg.WidthMm, 0.0), (RealCardSvg.WidthMm, RealCardSvg.HeightMm), (0.0, RealCardSvg.HeightMm) }
            .Select(c => cardToPage.Map(c.Item1, c.Item2)).ToArray();
        var (x0, x1) = (Math.Max(0, (int)corners.Min(c => c.X) - 2), Math.Min(Width - 1, (int)corners.Max(c => c.X) + 2));
        var (y0, y1) = (Math.Max(0, (int)corners.Min(c => c.Y) - 2), Math.Min(Height - 1, (int)corners.Max(c => c.Y) + 2));
        Span<double> sum = stackalloc double[3];
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var i = ((y * Width) + x) * 3;
                sum.Clear();
                var onCard = 0;
                foreach (var (dx, dy) in Subsamples)
                {
                    var (u, v) = pageToCard.Map(x + dx, y + dy);
                    if (Inside(u, v))
                    {
                        onCard++;
                        Sample(card, u * card.PixelsPerMm, v * card.PixelsPerMm, sum);
                    }
                    else
                    {
                        for (var c = 0; c < 3; c++)
                        {
                            sum[c] += Bgr[i + c];
                        }
                    }
                }

                if (onCard > 0)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        Bgr[i + c] = Clamp((int)Math.Round(sum[c] / 4));
                    }
                }
            }
        }
    }

    /// <summary>Each channel times its gain (red, green, blue): a lamp's colour cast over the whole page.</summary>
    public void Tint(double red, double green, double blue)
    {
        var tables = new[] { blue, green, red }.Select(gain => Enumerable.Range(0, 256).Select(v => Clamp((int)Math.Round(v * gain))).ToArray()).ToArray();
        for (var i = 0; i < Bgr.Length; i += 3)
        {
            for (var c = 0; c < 3; c++)
            {
                Bgr[i + c] = tables[c][Bgr[i + c]];
            }
        }
    }

    /// <summary>Each pixel times <paramref name="gain"/>(x, y) and each channel times <paramref name="cast"/> (blue, green, red): uneven light.</summary>
    public void Light(Func<int, int, double> gain, double[] cast)
    {
        ArgumentNullException.ThrowIfNull(gain);
        ArgumentNullException.ThrowIfNull(cast);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var g = gain(x, y);
                var i = ((y * Width) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    Bgr[i + c] = Clamp((int)Math.Round(Bgr[i + c] * g * cast[c]));
                }
            }
        }
    }

    /// <summary>A 3 × 3 box blur mixed in at <paramref name="amount"/> (0-1): a phone lens slightly out of focus.</summary>
    public void Soften(double amount)
    {
        var source = (byte[])Bgr.Clone();
        for (var y = 1; y < Height - 1; y++)
        {
            for (var x = 1; x < Width - 1; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var total = 0;
                    for (var ky = -1; ky <= 1; ky++)
                    {
                        for (var kx = -1; kx <= 1; kx++)
                        {
                            total += source[((((y + ky) * Width) + x + kx) * 3) + c];
                        }
                    }

                    var i = (((y * Width) + x) * 3) + c;
                    Bgr[i] = Clamp((int)Math.Round((source[i] * (1 - amount)) + (total / 9.0 * amount)));
                }
            }
        }
    }

    /// <summary>Sensor noise (about Gaussian, <paramref name="sigma"/> levels), then JPEG at the declared dpi.</summary>
    public byte[] Jpeg(double sigma, int quality, double dpi, int seed)
    {
        // a table of Gaussian draws (Box-Muller) walked by a cheap generator: a page has tens of millions of samples
        var random = new Random(seed);
        var table = new int[1 << 16];
        for (var k = 0; k < table.Length; k++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            table[k] = (int)Math.Round(gaussian * sigma);
        }

        var noisy = new byte[Bgr.Length];
        var state = (uint)seed | 1u;
        for (var i = 0; i < Bgr.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            noisy[i] = Clamp(Bgr[i] + table[state & 0xFFFF]);
        }

        using var image = Image.FromPixels(noisy, Width, Height, 3, Width * 3, dpi, dpi);
        return image.Encode(".jpg", quality);
    }

    private static bool Inside(double u, double v)
    {
        if (u < 0 || v < 0 || u > RealCardSvg.WidthMm || v > RealCardSvg.HeightMm)
        {
            return false;
        }

        var cx = Math.Clamp(u, CornerRadiusMm, RealCardSvg.WidthMm - CornerRadiusMm);
        var cy = Math.Clamp(v, CornerRadiusMm, RealCardSvg.HeightMm - CornerRadiusMm);
        return ((u - cx) * (u - cx)) + ((v - cy) * (v - cy)) <= CornerRadiusMm * CornerRadiusMm;
    }

    private static void Sample(CardBitmap card, double px, double py, Span<double> sum)
    {
        var x = Math.Clamp(px - 0.5, 0, card.Width - 1.001);
        var y = Math.Clamp(py - 0.5, 0, card.Height - 1.001);
        var (ix, iy) = ((int)x, (int)y);
        var (fx, fy) = (x - ix, y - iy);
        var row = card.Width * 3;
        var i = (iy * row) + (ix * 3);
        for (var c = 0; c < 3; c++)
        {
            var top = (card.Bgr[i + c] * (1 - fx)) + (card.Bgr[i + 3 + c] * fx);
            var bottom = (card.Bgr[i + row + c] * (1 - fx)) + (card.Bgr[i + row + 3 + c] * fx);
            sum[c] += (top * (1 - fy)) + (bottom * fy);
        }
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
