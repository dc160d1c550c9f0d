using Intake.Pages;
using System.Text;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Printed;

/// <summary>
/// One printed line as OCR saw it: its text (NFC), the words that make it up with their spans (for confidence
/// and boxes), and its folded words for label matching.
/// </summary>
internal sealed record OcrLine(string Text, IReadOnlyList<WordSpan> Words, IReadOnlyList<FoldedToken> Tokens, double FallbackConfidence)
{
    /// <summary>The page's lines, from the word list when there is one (it carries confidences), else from the plain text.</summary>
    public static IReadOnlyList<OcrLine> From(PageText page)
    {
        var words = page.Words ?? [];
        if (words.Count == 0)
        {
            return VietnameseText.Nfc(page.Text)
                .Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0)
                .Select(l => new OcrLine(l, [], FoldedTokens.Of(l), page.MeanConfidence))
                .ToArray();
        }

        return words
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .GroupBy(w => (w.Block, w.Line))
            .Select(g => Build(g.ToArray(), page.MeanConfidence))
            .ToArray();
    }

    private static OcrLine Build(OcrWord[] words, double fallback)
    {
        var text = new StringBuilder();
        var spans = new List<WordSpan>(words.Length);
        foreach (var word in words)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            var start = text.Length;
            text.Append(VietnameseText.Nfc(word.Text).Trim());
            spans.Add(new WordSpan(word, start, text.Length));
        }

        var line = text.ToString();
        return new OcrLine(line, spans, FoldedTokens.Of(line), fallback);
    }
}
