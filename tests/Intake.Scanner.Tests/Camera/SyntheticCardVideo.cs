using Intake.Imaging;

namespace Intake.Scanner.Tests.Camera;

/// <summary>
/// Renders a card held under the kiosk camera on a darker desk, frame by frame, and writes the frames
/// as an image sequence (frame000.png...) that OpenCV's VideoCapture reads like a video.
/// </summary>
internal static class SyntheticCardVideo
{
    public const int FrameWidth = 640;
    public const int FrameHeight = 480;
    public const string Pattern = "frame%03d.png";

    /// <summary>Writes the frames into <paramref name="folder"/> and returns the pattern path VideoCapture opens.</summary>
    public static string Write(string folder, IReadOnlyList<SyntheticFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < frames.Count; i++)
        {
            var pixels = Render(frames[i]);
            using var image = Image.FromPixels(pixels, FrameWidth, FrameHeight, 3, FrameWidth * 3, 0, 0);
            File.WriteAllBytes(Path.Combine(folder, $"frame{i:000}.png"), image.Encode(".png"));
        }
        return Path.Combine(folder, Pattern);
    }

    /// <summary>BGR rows.</summary>
    public static byte[] Render(SyntheticFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var bgr = new byte[FrameWidth * FrameHeight * 3];
        for (var y = 0; y < FrameHeight; y++)
            for (var x = 0; x < FrameWidth; x++)
            {
                // A wooden desk lit from the top: dark, a little brighter towards the lamp.
                var shade = 55 + 20 * (FrameHeight - y) / FrameHeight;
                Set(bgr, x, y, shade * 0.8, shade * 0.95, shade * 1.1);
            }
        if (frame.Pose is { } pose)
        {
            DrawCard(bgr, pose);
            if (frame.Glare) DrawGlare(bgr, pose);
        }
        for (var pass = 0; pass < 2 && frame.BlurRadius > 0; pass++) BoxBlur(bgr, frame.BlurRadius);
        return bgr;
    }

    private static void DrawCard(byte[] bgr, CardPose pose)
    {
        var corners = pose.Corners();
        var toCard = Homography(corners, [(0, 0), (SyntheticCard.Width, 0), (SyntheticCard.Width, SyntheticCard.Height), (0, SyntheticCard.Height)]);
        var minX = (int)Math.Max(0, corners.Min(c => c.X) - 1);
        var maxX = (int)Math.Min(FrameWidth - 1, corners.Max(c => c.X) + 1);
        var minY = (int)Math.Max(0, corners.Min(c => c.Y) - 1);
        var maxY = (int)Math.Min(FrameHeight - 1, corners.Max(c => c.Y) + 1);
        for (var y = minY; y <= maxY; y++)
            for (var x = minX; x <= maxX; x++)
            {
                // 3 x 3 samples per pixel: a camera integrates light over its pixel, so edges are anti-aliased.
                double sum = 0;
                var inside = 0;
                for (var sy = 0; sy < 3; sy++)
                    for (var sx = 0; sx < 3; sx++)
                    {
                        var (u, v) = Apply(toCard, x + (sx - 1) / 3.0, y + (sy - 1) / 3.0);
                        if (u < 0 || v < 0 || u >= SyntheticCard.Width || v >= SyntheticCard.Height) continue;
                        sum += SyntheticCard.Face[(int)v * SyntheticCard.Width + (int)u];
                        inside++;
                    }
                if (inside == 0) continue;
                var i = (y * FrameWidth + x) * 3;
                var coverage = inside / 9.0;
                var grey = sum / inside;
                Set(bgr, x, y, Mix(bgr[i], grey * 0.97, coverage), Mix(bgr[i + 1], grey, coverage), Mix(bgr[i + 2], grey * 0.99, coverage));
            }
    }

    /// <summary>A lamp's reflection: a clipped-white ellipse over the card's right half, with a soft rim.</summary>
    private static void DrawGlare(byte[] bgr, CardPose pose)
    {
        var cx = pose.CenterX + pose.WidthPx * 0.18;
        var cy = pose.CenterY - pose.WidthPx * 0.05;
        double rx = pose.WidthPx * 0.09, ry = pose.WidthPx * 0.06;
        for (var y = (int)(cy - 2 * ry); y <= cy + 2 * ry; y++)
            for (var x = (int)(cx - 2 * rx); x <= cx + 2 * rx; x++)
            {
                if (x < 0 || y < 0 || x >= FrameWidth || y >= FrameHeight) continue;
                var d = Math.Sqrt(Math.Pow((x - cx) / rx, 2) + Math.Pow((y - cy) / ry, 2));
                if (d > 2) continue;
                var strength = d <= 1 ? 1 : 2 - d;
                var i = (y * FrameWidth + x) * 3;
                Set(bgr, x, y, Mix(bgr[i], 255, strength), Mix(bgr[i + 1], 255, strength), Mix(bgr[i + 2], 255, strength));
            }
    }

    private static void BoxBlur(byte[] bgr, int radius)
    {
        var copy = (byte[])bgr.Clone();
        for (var horizontal = 0; horizontal < 2; horizontal++)
        {
            Array.Copy(bgr, copy, bgr.Length);
            for (var y = 0; y < FrameHeight; y++)
                for (var x = 0; x < FrameWidth; x++)
                    for (var c = 0; c < 3; c++)
                    {
                        var sum = 0;
                        for (var k = -radius; k <= radius; k++)
                        {
                            var xx = horizontal == 0 ? Math.Clamp(x + k, 0, FrameWidth - 1) : x;
                            var yy = horizontal == 1 ? Math.Clamp(y + k, 0, FrameHeight - 1) : y;
                            sum += copy[(yy * FrameWidth + xx) * 3 + c];
                        }
                        bgr[(y * FrameWidth + x) * 3 + c] = (byte)(sum / (2 * radius + 1));
                    }
        }
    }

    private static double Mix(double under, double over, double alpha) => under * (1 - alpha) + over * alpha;

    private static void Set(byte[] bgr, int x, int y, double b, double g, double r)
    {
        var i = (y * FrameWidth + x) * 3;
        bgr[i] = (byte)Math.Clamp(Math.Round(b), 0, 255);
        bgr[i + 1] = (byte)Math.Clamp(Math.Round(g), 0, 255);
        bgr[i + 2] = (byte)Math.Clamp(Math.Round(r), 0, 255);
    }

    private static (double U, double V) Apply(double[] h, double x, double y)
    {
        var w = h[6] * x + h[7] * y + 1;
        return ((h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w);
    }

    /// <summary>The projective map taking each <paramref name="from"/> corner to its <paramref name="to"/> corner (8 unknowns, Gaussian elimination).</summary>
    private static double[] Homography((double X, double Y)[] from, (double X, double Y)[] to)
    {
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var j = 0; j < 9; j++)
            {
                a[2 * i, j] = rowU[j];
                a[2 * i + 1, j] = rowV[j];
            }
        }
        for (var col = 0; col < 8; col++)
        {
            var pivot = Enumerable.Range(col, 8 - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var j = 0; j < 9; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            for (var r = 0; r < 8; r++)
            {
                if (r == col) continue;
                var f = a[r, col] / a[col, col];
                for (var j = 0; j < 9; j++) a[r, j] -= f * a[col, j];
            }
        }
        return Enumerable.Range(0, 8).Select(r => a[r, 8] / a[r, r]).ToArray();
    }
}
