namespace Intake.Dossiers.Tests.Fixtures.RealCard;

/// <summary>A plane-to-plane projective map (3 × 3, row-major, h22 = 1): a card's millimetres to an image's pixels.</summary>
public sealed class Homography
{
    private readonly double[] _h;

    private Homography(double[] h) => _h = h;

    /// <summary>Turn by <paramref name="degrees"/> counter-clockwise (as seen on the page) about the card's centre, scale, then move the centre to (x, y).</summary>
    public static Homography Placement(double widthMm, double heightMm, double pixelsPerMm, double centreX, double centreY, double degrees)
    {
        var a = degrees * Math.PI / 180;
        var (c, s) = (Math.Cos(a) * pixelsPerMm, Math.Sin(a) * pixelsPerMm);
        // image y points down: counter-clockwise on screen is x' = c·u + s·v, y' = −s·u + c·v
        var (u0, v0) = (widthMm / 2, heightMm / 2);
        return new Homography([c, s, centreX - (c * u0) - (s * v0), -s, c, centreY + (s * u0) - (c * v0), 0, 0, 1]);
    }

    /// <summary>The map taking the four source points to the four target points (direct linear transform, 8 × 8 solve).</summary>
    public static Homography FromCorners(ReadOnlySpan<(double X, double Y)> from, ReadOnlySpan<(double X, double Y)> to)
    {
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var ((x, y), (u, v)) = (from[i], to[i]);
            double[] r1 = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] r2 = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var j = 0; j < 9; j++)
            {
                a[2 * i, j] = r1[j];
                a[(2 * i) + 1, j] = r2[j];
            }
        }

        for (var col = 0; col < 8; col++)
        {
            var pivot = Enumerable.Range(col, 8 - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var j = 0; j < 9; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var r = 0; r < 8; r++)
            {
                if (r != col)
                {
                    var f = a[r, col] / a[col, col];
                    for (var j = col; j < 9; j++)
                    {
                        a[r, j] -= f * a[col, j];
                    }
                }
            }
        }

        var h = new double[9];
        for (var i = 0; i < 8; i++)
        {
            h[i] = a[i, 8] / a[i, i];
        }

        h[8] = 1;
        return new Homography(h);
    }

    public (double X, double Y) Map(double x, double y)
    {
        var w = (_h[6] * x) + (_h[7] * y) + _h[8];
        return (((_h[0] * x) + (_h[1] * y) + _h[2]) / w, ((_h[3] * x) + (_h[4] * y) + _h[5]) / w);
    }

    public Homography Inverse()
    {
        var h = _h;
        double[] adj =
        [
            (h[4] * h[8]) - (h[5] * h[7]), (h[2] * h[7]) - (h[1] * h[8]), (h[1] * h[5]) - (h[2] * h[4]),
            (h[5] * h[6]) - (h[3] * h[8]), (h[0] * h[8]) - (h[2] * h[6]), (h[2] * h[3]) - (h[0] * h[5]),
            (h[3] * h[7]) - (h[4] * h[6]), (h[1] * h[6]) - (h[0] * h[7]), (h[0] * h[4]) - (h[1] * h[3]),
        ];
        return new Homography(adj.Select(v => v / adj[8]).ToArray());
    }
}
