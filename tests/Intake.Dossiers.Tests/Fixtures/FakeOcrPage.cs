using Intake.Pages;
using Intake.Imaging;
using Intake.Ocr;

namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>What the OCR engine would return for some printed lines: one word per space-separated token, boxes laid out in rows.</summary>
public static class FakeOcrPage
{
    /// <summary>A card scanned at 300 dpi is 1011 × 638 pixels (85.6 × 54 mm).</summary>
    public static PageText Card(params string[] lines) => Of(lines, 0.93, 1011, 638, 300);

    /// <summary>An A4 page at 300 dpi.</summary>
    public static PageText A4(params string[] lines) => Of(lines, 0.93, 2480, 3508, 300);

    public static PageText Of(IReadOnlyList<string> lines, double confidence, int width, int height, double dpi, Func<string, double>? confidenceOf = null)
    {
        var words = new List<OcrWord>();
        for (var line = 0; line < lines.Count; line++)
        {
            var x = 10;
            foreach (var token in lines[line].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var box = new PixelRect(x, 10 + (line * 40), token.Length * 18, 32);
                words.Add(new OcrWord(token, box, confidenceOf?.Invoke(token) ?? confidence, 0, line));
                x += box.Width + 12;
            }
        }

        return new PageText(string.Join('\n', lines), words, confidence, width, height, dpi);
    }
}
