using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Intake.Imaging;
using Intake.Ocr;
using Intake.Pages;

namespace Intake.Pipeline;

/// <summary>
/// A second look, on the clean page (grey or colour, never binarised), at the words the engine doubted on the binarised reading copy (issue 9).
/// Binarisation can break or merge a Vietnamese tone mark: the field case quarter-turn read "phổ" for "phố" at word
/// confidence 0.87 from the copy, while the grey page reads it right at 0.96. Each word under
/// <see cref="WeakBelow"/> (the weakest first, at most <see cref="MaxWordsPerPage"/>) is cut from the grey page over
/// its line's height (a mark the copy lost may lie above the word's box), given a white margin, and read again as one
/// line by the engine that read the page. The re-read replaces the word only when it is clearly surer
/// (<see cref="MinGain"/>), has the same letters once the marks are set aside, and has no fewer marks: binarisation
/// thins, merges or drops marks, it neither changes letters nor adds marks, so a re-read that changes letters or
/// reads fewer marks is as likely a new error as a fix (on the cleanup bench, a right "rápida" at 0.39 was re-read
/// "rapida" at 0.93). The text, the word and the hOCR change; a searchable PDF keeps the page's first reading.
/// </summary>
internal static class WeakWordRereader
{
    /// <summary>Words the engine is less sure of than this are looked at again (confidence 0..1).</summary>
    public const double WeakBelow = 0.90;

    /// <summary>
    /// How much surer the re-read must be than the first reading to replace it. The re-reads that put words right on
    /// the field case and the cleanup bench gained 0.09 to 0.26; at 0.05 a right "do:" at 0.90 became "đo:" at 0.95.
    /// </summary>
    public const double MinGain = 0.08;

    /// <summary>
    /// A bound on the cost: each re-read is one small recognition, and a noisy page may doubt hundreds of words,
    /// where a second look at each would double its reading time for little.
    /// </summary>
    public const int MaxWordsPerPage = 8;

    /// <summary>
    /// <paramref name="read"/> with its weak words read again from <paramref name="grey"/> by <paramref name="engine"/>.
    /// <paramref name="read"/>'s boxes are in the reading copy's pixels, which are <paramref name="grey"/>'s enlarged by
    /// <paramref name="factor"/> (1: the same pixels); the crops are enlarged alike, so the word is read at the size the
    /// page was. Returns <paramref name="read"/> itself when nothing changed.
    /// </summary>
    public static PageText Reread(PageText read, Image grey, double factor, TesseractEngine engine)
    {
        var weak = read.Words.Select((w, i) => (Word: w, Index: i))
            .Where(x => x.Word.Confidence < WeakBelow)
            .OrderBy(x => x.Word.Confidence)
            .Take(MaxWordsPerPage)
            .ToList();
        if (weak.Count == 0) return read;

        var replaced = new Dictionary<int, OcrWord>();
        foreach (var (word, index) in weak)
        {
            using var crop = Cut(grey, factor, word, LineBand(read.Words, word));
            if (crop is null) continue;
            var (text, confidence) = engine.RecognizeLine(crop);
            if (Accepts(word, text, confidence)) replaced[index] = word with { Text = text, Confidence = confidence };
        }
        return replaced.Count == 0 ? read : Apply(read, replaced);
    }

    /// <summary>Whether <paramref name="text"/> read at <paramref name="confidence"/> should replace <paramref name="word"/>.</summary>
    public static bool Accepts(OcrWord word, string text, double confidence) =>
        text.Length > 0
        && text != word.Text
        && !text.Any(char.IsWhiteSpace)
        && confidence >= word.Confidence + MinGain
        && Letters(text) == Letters(word.Text)
        && Marks(text) >= Marks(word.Text);

    /// <summary>The word without its marks, đ as d, lower case: "phố", "phổ" and "Pho" are all "pho".</summary>
    public static string Letters(string word)
    {
        var letters = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            letters.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return letters.ToString();
    }

    /// <summary>How many marks the word carries: its combining marks, and the stroke of each đ.</summary>
    public static int Marks(string word) =>
        word.Normalize(NormalizationForm.FormD).Count(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is 'đ' or 'Đ');

    // The vertical extent of the word's line: its top and bottom over every word Tesseract put on it.
    private static (int Top, int Bottom) LineBand(IReadOnlyList<OcrWord> words, OcrWord word)
    {
        var line = words.Where(w => w.Block == word.Block && w.Line == word.Line).ToList();
        return (line.Min(w => w.Box.Y), line.Max(w => w.Box.Bottom));
    }

    // The word's column over its line's height, in the grey page's pixels, enlarged by the reading copy's factor and
    // with a white margin of half the line's height; null when the box falls outside the page (it never should).
    private static Image? Cut(Image grey, double factor, OcrWord word, (int Top, int Bottom) band)
    {
        var left = (int)Math.Floor(word.Box.X / factor);
        var top = (int)Math.Floor(band.Top / factor);
        var right = Math.Min(grey.Width, (int)Math.Ceiling(word.Box.Right / factor));
        var bottom = Math.Min(grey.Height, (int)Math.Ceiling(band.Bottom / factor));
        left = Math.Max(0, left);
        top = Math.Max(0, top);
        if (right <= left || bottom <= top) return null;

        using var cut = grey.Crop(new PixelRect(left, top, right - left, bottom - top));
        using var enlarged = factor == 1 ? null : cut.Scale(factor);
        var crop = enlarged ?? cut;
        return crop.PadWhite(Math.Max(10, crop.Height / 2));
    }

    // The words replaced in the word list, in the text (found in reading order: the text is the words in the order
    // Tesseract gave them, with spaces and line breaks between) and in the hOCR (the word's span, found by its box).
    private static PageText Apply(PageText read, Dictionary<int, OcrWord> replaced)
    {
        var text = new StringBuilder(read.Text);
        var starts = new int[read.Words.Count];
        var cursor = 0;
        for (var i = 0; i < read.Words.Count; i++)
        {
            starts[i] = read.Text.IndexOf(read.Words[i].Text, cursor, StringComparison.Ordinal);
            if (starts[i] < 0) return read; // the text is not the words in order: leave the page as it was read
            cursor = starts[i] + read.Words[i].Text.Length;
        }
        var hocr = read.Hocr;
        foreach (var (index, word) in replaced.OrderByDescending(r => r.Key))
        {
            text.Remove(starts[index], read.Words[index].Text.Length).Insert(starts[index], word.Text);
            if (hocr is not null) hocr = ReplaceInHocr(hocr, read.Words[index], word);
        }
        var words = read.Words.Select((w, i) => replaced.TryGetValue(i, out var better) ? better : w).ToList();
        return read with { Text = text.ToString(), Words = words, Hocr = hocr };
    }

    private static string ReplaceInHocr(string hocr, OcrWord read, OcrWord better)
    {
        var box = read.Box;
        var span = new Regex(string.Create(CultureInfo.InvariantCulture,
            $@"(title='bbox {box.X} {box.Y} {box.Right} {box.Bottom}; x_wconf )\d+('[^>]*>){Regex.Escape(Escaped(read.Text))}<"));
        return span.Replace(hocr, m => m.Groups[1].Value + Math.Round(better.Confidence * 100).ToString(CultureInfo.InvariantCulture)
            + m.Groups[2].Value + Escaped(better.Text) + "<", 1);
    }

    // As Tesseract's hOCR renderer escapes text (HOcrEscape): these five only, letters as they are.
    private static string Escaped(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
