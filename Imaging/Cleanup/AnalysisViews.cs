using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// The working copies the cleanup analyses share, made once per image instead of once per stage, since converting,
/// shrinking and flattening a page cost more than most analyses: the grey view shrunk by a whole factor to about
/// <see cref="CleanupSteps.AnalysisSide"/> on its longer side, its ink mask and its paper bounds. They belong to the
/// image and are freed with it; callers borrow them and never dispose them.
/// </summary>
internal sealed class AnalysisViews(Image image) : IDisposable
{
    private Mat? _view;
    private double _viewScale;
    private Mat? _ink;
    private Rect? _paper;

    /// <summary>The grey analysis view (borrowed) and the factor applied (≤ 1).</summary>
    public Mat View(out double scale)
    {
        lock (this)
        {
            if (_view is null)
            {
                using var grey = CleanupSteps.GreyOf(image.Mat);
                _viewScale = CleanupSteps.ShrinkWhole(grey, CleanupSteps.AnalysisSide, out var view);
                _view = view;
            }
            scale = _viewScale;
            return _view;
        }
    }

    /// <summary>InkMask(FlattenBackground(view)) of the analysis view (borrowed).</summary>
    public Mat Ink()
    {
        lock (this)
        {
            if (_ink is null)
            {
                using var flat = CleanupSteps.FlattenBackground(View(out _));
                _ink = CleanupSteps.InkMask(flat);
            }
            return _ink;
        }
    }

    /// <summary>PaperBounds(view) of the analysis view, in its pixels.</summary>
    public Rect Paper()
    {
        lock (this)
        {
            _paper ??= CleanupSteps.PaperBounds(View(out _));
            return _paper.Value;
        }
    }

    /// <summary>The marks larger than dust, as boxes in the analysis view's pixels; <paramref name="scale"/> is the view's factor.</summary>
    public List<Rect> InkMarks(out double scale)
    {
        View(out scale);
        using var components = CleanupSteps.Label(Ink());
        var marks = new List<Rect>();
        for (var i = 1; i < components.Count; i++)
        {
            // Dust is a pixel or two at this size; a full stop at 150 dpi is already 3x3.
            if (components.Area(i) < 3) continue;
            marks.Add(new Rect(components.Left(i), components.Top(i), components.Width(i), components.Height(i)));
        }
        return marks;
    }

    public void Dispose()
    {
        lock (this)
        {
            _view?.Dispose();
            _ink?.Dispose();
            _view = _ink = null;
        }
    }
}
