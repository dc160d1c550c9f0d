using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// How large a page's text is, for the copy of a page the OCR engine reads (ported from the native reading_copy.cpp).
/// Tesseract reads best with an x-height of about 20 pixels (its documentation's "Improving the quality of the output":
/// 300 dpi or more for body text); below about 10 pixels accuracy falls quickly (tesseract-ocr/tesseract#161).
/// </summary>
internal static class TextSize
{
    private const int MeasureSide = 2400;  // small print must survive the shrink: 6 pt at 300 dpi keeps ~9 px here
    private const int MinLineGlyphs = 8;   // fewer letters than this (a page number, a big title) do not tell a size

    /// <summary>
    /// The x-height of the page's text in pixels: the body's (the most common) and that of its smallest print with enough
    /// glyphs to tell (equal to the body's when all text is one size); both 0 when the letter-like marks counted are too
    /// few to tell.
    /// </summary>
    public static (double Body, double Smallest, int Glyphs) XHeights(Image page)
    {
        using var grey = CleanupSteps.GreyOf(page.Mat);
        var scale = CleanupSteps.Shrink(grey, MeasureSide, out var work);
        using (work)
        {
            using var flat = CleanupSteps.FlattenBackground(work);
            using var ink = CleanupSteps.InkMask(flat);
            using var components = CleanupSteps.Label(ink);
            var workRows = work.Rows;
            // Text lines are the bands of rows holding ink, separated by blank rows (the copy read is deskewed).
            var rowInk = RowSums(ink);
            var rows = ink.Rows;
            var lineOfRow = new int[rows];
            Array.Fill(lineOfRow, -1);
            var linesFound = 0;
            for (var y = 0; y < rows;)
            {
                if (rowInk[y] < 2 * 255)
                {
                    ++y;
                    continue;
                }
                var top = y;
                while (y < rows && rowInk[y] >= 2 * 255) ++y;
                if (y - top >= 3)
                {
                    for (var r = top; r < y; ++r) lineOfRow[r] = linesFound;
                    ++linesFound;
                }
            }
            // Each line's x-height is the median height of its letter-like marks: letters without ascenders are the
            // majority in Vietnamese as in English, and outnumber the separate accents and dots.
            var heights = Enumerable.Range(0, linesFound).Select(_ => new List<int>()).ToArray();
            for (var i = 1; i < components.Count; i++)
            {
                int w = components.Width(i), h = components.Height(i), area = components.Area(i);
                if (h < 2 || h >= workRows / 20 || w >= 3 * h || area * 8 < w * h) continue; // not a rule, a picture or a frame
                var line = lineOfRow[Math.Clamp(CleanupSteps.Round(components.CentroidY(i)), 0, rows - 1)];
                if (line >= 0) heights[line].Add(h);
            }
            var lines = new List<(double XHeight, int Glyphs)>();
            foreach (var line in heights)
            {
                if (line.Count >= MinLineGlyphs) lines.Add((line.Order().ElementAt(line.Count / 2), line.Count));
            }
            var glyphs = lines.Sum(l => l.Glyphs);
            if (lines.Count == 0) return (0, 0, glyphs);
            // Body text: the x-height most letters are printed at (median weighted by letters); the smallest print: the
            // lowest line x-height.
            lines = lines.OrderBy(l => l.XHeight).ToList();
            var total = glyphs;
            var half = 0;
            var bodyPx = lines[^1].XHeight;
            foreach (var line in lines)
            {
                half += line.Glyphs;
                if (2 * half >= total)
                {
                    bodyPx = line.XHeight;
                    break;
                }
            }
            return (bodyPx / scale, lines[0].XHeight / scale, glyphs);
        }
    }

    /// <summary>cv::reduce(ink, rows, 1, REDUCE_SUM, CV_32S): each row's sum.</summary>
    private static int[] RowSums(Mat ink)
    {
        using var sums = new Mat();
        Cv2.Reduce(ink, sums, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32S);
        sums.GetArray(out int[] values);
        return values;
    }
}
