using System.Text;
using Intake.Pages;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Intake.Scanner.Replay;

/// <summary>
/// Turns a PDF page's words (PDF user space, origin bottom left, in points) into the <see cref="PageText"/> OCR would
/// have given for the page's picture: boxes in its pixels (crop box at the top left, the page's /Rotate applied, PDF
/// 32000-1:2008 14.11.2 and 7.7.3.3), words grouped into lines by their vertical overlap, lines into blocks at a gap
/// wider than a line, text in NFC.
/// </summary>
internal static class PdfTextLayer
{
    public static PageText Compose(IReadOnlyList<Word> words, PdfRectangle crop, int rotation, int width, int height, double dpi)
    {
        var turned = rotation is 90 or 270;
        var scaleX = width / (turned ? crop.Height : crop.Width);
        var scaleY = height / (turned ? crop.Width : crop.Height);
        var placed = words.Select(w => (Text: w.Text.Normalize(NormalizationForm.FormC), Box: ToPixels(w.BoundingBox, crop, rotation, scaleX, scaleY))).ToList();

        var lines = new List<List<(string Text, PixelRect Box)>>();
        foreach (var word in placed.OrderBy(w => w.Box.Y + (w.Box.Height / 2.0)))
        {
            var line = lines.LastOrDefault();
            if (line is not null && SameLine(line, word.Box)) line.Add(word);
            else lines.Add([word]);
        }

        var result = new List<OcrWord>();
        var text = new StringBuilder();
        var block = 0;
        var previousBottom = int.MinValue;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index].OrderBy(w => w.Box.X).ToList();
            var top = line.Min(w => w.Box.Y);
            var lineHeight = line.Max(w => w.Box.Height);
            if (index > 0 && top - previousBottom > lineHeight)
            {
                block++;
                text.Append('\n');
            }

            foreach (var word in line) result.Add(new OcrWord(word.Text, word.Box, 1.0, block, index));
            text.Append(string.Join(' ', line.Select(w => w.Text))).Append('\n');
            previousBottom = line.Max(w => w.Box.Y + w.Box.Height);
        }

        return new PageText(text.ToString(), result, result.Count == 0 ? 0 : 1.0, width, height, dpi);
    }

    // a word belongs to the line when half of the smaller height overlaps the line's band
    private static bool SameLine(List<(string Text, PixelRect Box)> line, PixelRect box)
    {
        var top = line.Min(w => w.Box.Y);
        var bottom = line.Max(w => w.Box.Y + w.Box.Height);
        var overlap = Math.Min(bottom, box.Y + box.Height) - Math.Max(top, box.Y);
        return overlap >= Math.Min(bottom - top, box.Height) / 2.0;
    }

    private static PixelRect ToPixels(PdfRectangle box, PdfRectangle crop, int rotation, double scaleX, double scaleY)
    {
        // unturned pixels: x from the crop box's left edge, y down from its top edge
        (double X, double Y)[] corners = [Unturned(box.TopLeft), Unturned(box.TopRight), Unturned(box.BottomLeft), Unturned(box.BottomRight)];
        var left = corners.Min(c => c.X);
        var top = corners.Min(c => c.Y);
        var right = corners.Max(c => c.X);
        var bottom = corners.Max(c => c.Y);
        var x = (int)Math.Floor(left);
        var y = (int)Math.Floor(top);
        return new PixelRect(x, y, Math.Max(1, (int)Math.Ceiling(right) - x), Math.Max(1, (int)Math.Ceiling(bottom) - y));

        (double X, double Y) Unturned(PdfPoint p)
        {
            var u = p.X - crop.Left;
            var v = crop.Top - p.Y;
            // /Rotate turns the page clockwise as displayed
            var (x, y) = rotation switch
            {
                90 => (crop.Height - v, u),
                180 => (crop.Width - u, crop.Height - v),
                270 => (v, crop.Width - u),
                _ => (u, v),
            };
            return (x * scaleX, y * scaleY);
        }
    }
}
