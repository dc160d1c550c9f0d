using Intake.Imaging;
using Intake.Imaging.Cleanup;

namespace Intake.Scanner.Camera;

/// <summary>
/// The quality gate for one stream of camera frames: finds the document in each frame, flattens it, and
/// says whether the frame is worth keeping (see <see cref="CaptureGateSettings"/>). It remembers the
/// previous frame's corners to tell a document held still from one being moved, so use one gate per stream.
/// </summary>
public sealed class CaptureGate
{
    private readonly CaptureGateSettings _settings;
    private PageQuad? _previous;
    private int _stable;

    public CaptureGate(CaptureGateSettings? settings = null)
    {
        _settings = settings ?? new CaptureGateSettings();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_settings.StableFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_settings.BestOfFrames);
    }

    public CaptureGateSettings Settings => _settings;

    /// <summary>Assesses <paramref name="frame"/>, taking ownership of it (the result disposes it).</summary>
    public CameraFrame Assess(Image frame, int number, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Image? document = null;
        try
        {
            var assessment = Assess(frame, ref document);
            return new CameraFrame(frame, document, number, elapsed, assessment);
        }
        catch
        {
            document?.Dispose();
            frame.Dispose();
            throw;
        }
    }

    /// <summary>Forgets the previous frames, e.g. after a capture or when the feed restarts.</summary>
    public void Reset()
    {
        _previous = null;
        _stable = 0;
    }

    private FrameAssessment Assess(Image frame, ref Image? document)
    {
        var quad = PageQuadFinder.Find(frame);
        if (quad.Confidence < _settings.MinQuadConfidence)
        {
            Reset();
            return new FrameAssessment(null, null, 0, 0, CaptureProblem.NoDocument);
        }
        var diagonal = Math.Sqrt((double)frame.Width * frame.Width + (double)frame.Height * frame.Height);
        _stable = _previous is not null && MaxDrift(_previous, quad) <= _settings.MaxCornerDrift * diagonal ? _stable + 1 : 1;
        _previous = quad;
        var coverage = Area(quad) / ((double)frame.Width * frame.Height);
        if (coverage < _settings.MinCoverage)
            return new FrameAssessment(quad, null, coverage, _stable, CaptureProblem.TooSmall);

        document = PageQuadFinder.Warp(frame, quad);
        var quality = CaptureQuality.Measure(document);
        var problem = quality.Sharpness < _settings.MinSharpness ? CaptureProblem.Blurred
            : quality.GlareFraction > _settings.MaxGlareFraction ? CaptureProblem.Glare
            : _stable < _settings.StableFrames ? CaptureProblem.Moving
            : CaptureProblem.None;
        return new FrameAssessment(quad, quality, coverage, _stable, problem);
    }

    private static double MaxDrift(PageQuad a, PageQuad b) => new[]
    {
        Distance(a.TopLeft, b.TopLeft), Distance(a.TopRight, b.TopRight),
        Distance(a.BottomRight, b.BottomRight), Distance(a.BottomLeft, b.BottomLeft),
    }.Max();

    private static double Distance(PagePoint p, PagePoint q) => Math.Sqrt((p.X - q.X) * (p.X - q.X) + (p.Y - q.Y) * (p.Y - q.Y));

    /// <summary>Shoelace formula over the four corners in order.</summary>
    private static double Area(PageQuad q)
    {
        PagePoint[] p = [q.TopLeft, q.TopRight, q.BottomRight, q.BottomLeft];
        var twice = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var next = p[(i + 1) % 4];
            twice += p[i].X * next.Y - next.X * p[i].Y;
        }
        return Math.Abs(twice) / 2;
    }
}
