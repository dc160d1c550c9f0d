using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>Flags blank pages (the backs of duplex scans) by the ink they carry, ignoring dust, borders and shadows.</summary>
public sealed class BlankPageDetector(double blankBelow = 0.05)
{
    /// <summary>Scores below this are blank; one short line of text scores about 0.1, a typed page above 0.5.</summary>
    public double BlankBelow { get; } = blankBelow;

    public BlankPageVerdict Judge(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var score = ImagingFailure.Guard(() => Score(page));
        return new BlankPageVerdict(score, score < BlankBelow);
    }

    /// <summary>
    /// How much ink a page carries, 0 (blank) .. 1 (full of ink). Ink is counted on the flattened page inside the paper
    /// bounds, ignoring specks (dust, toner spatter) and anything touching the edge (border remnants), which a blank page
    /// still has.
    /// </summary>
    private static double Score(Image page)
    {
        var work = page.Views.Ink();
        var paper = page.Views.Paper();
        // A 2% inset: the paper edge itself often shows as a dark line.
        int dx = paper.Width / 50, dy = paper.Height / 50;
        paper = new Rect(paper.X + dx, paper.Y + dy, Math.Max(1, paper.Width - 2 * dx), Math.Max(1, paper.Height - 2 * dy));
        using var ink = new Mat(work, paper);
        using var components = CleanupSteps.Label(ink);
        // A full stop at 150 dpi is about 3x3 pixels; dust specks are smaller.
        var minArea = Math.Max(4, CleanupSteps.Round(6.0 * (work.Cols / 1240.0) * (work.Cols / 1240.0)));
        double inked = 0;
        for (var i = 1; i < components.Count; i++)
        {
            var area = components.Area(i);
            int x = components.Left(i), y = components.Top(i);
            var edge = x == 0 || y == 0 || x + components.Width(i) == ink.Cols || y + components.Height(i) == ink.Rows;
            if (area >= minArea && !edge) inked += area;
        }
        var fraction = inked / ((double)ink.Cols * ink.Rows);
        // A typed page is 3-10% ink, one line of text about 0.1%; the curve keeps both well above blank.
        return 1.0 - Math.Exp(-fraction / 0.005);
    }
}
