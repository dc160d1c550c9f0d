using Intake.Pages;

namespace Intake.Dossiers.Printed;

/// <summary>
/// Reads labelled fields from the OCR text of a CCCD (2021 or 2024, front or back), a birth certificate or a CT07.
/// Labels are matched on folded words with an edit budget, so lost diacritics and small OCR slips still match;
/// the value is the rest of the line up to the next label, or the next line when the label stands alone
/// (names on cards), and addresses may continue on one more line. The first occurrence of a field wins, which on a
/// birth certificate is the child, not the parents. Confidence is the mean confidence of the value's words.
/// </summary>
public static class PrintedFieldExtractor
{
    private const double RepairPenalty = 0.9;

    public static PrintedFieldReading Extract(PageText? page, int pageIndex = 0)
    {
        if (page is null)
        {
            return new PrintedFieldReading(CardGeneration.Unknown, new Dictionary<string, Field>(), [NoText()]);
        }

        var lines = OcrLine.From(page);
        IReadOnlyList<LabelHit>[] hits = [.. lines.Select(l => LabelFinder.Find(l.Tokens).Where(h => !IsAddressNumber(l, h)).ToArray())];
        var used = new bool[lines.Count];
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        var checks = new List<Check>();
        var unread = new Dictionary<string, PixelRect>(StringComparer.Ordinal);
        var missing = new Dictionary<string, PixelRect>(StringComparer.Ordinal);
        var votes = new Dictionary<CardGeneration, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            for (var k = 0; k < hits[i].Count; k++)
            {
                var hit = hits[i][k];
                votes[hit.Label.Generation] = votes.GetValueOrDefault(hit.Label.Generation) + 1;
                if (hit.Label.IsBoundary || fields.ContainsKey(hit.Label.Field))
                {
                    continue;
                }

                var pieces = ValuePieces(lines, hits, used, i, k);
                var raw = string.Join(" ", pieces.Select(p => lines[p.Line].Text[p.Start..p.End].Trim()));
                var cleaned = PrintedValueCleaner.Clean(hit.Label.Field, raw);
                if (cleaned.Failure is not null)
                {
                    checks.Add(cleaned.Failure);
                }

                // a word that only ends in the value ("sø/No:" before the number: the label and its colon are one
                // word to the engine) belongs to the label, not to the value's box or confidence
                var words = pieces.SelectMany(p => lines[p.Line].Words.Where(w => w.Start < p.End && w.End > p.Start
                    && (w.Start >= p.Start || 2 * (w.End - p.Start) > w.End - w.Start))).ToArray();
                if (cleaned.Value is null)
                {
                    if (Union(words.Select(w => w.Word.Box)) is { } where)
                    {
                        unread.TryAdd(hit.Label.Field, where);
                    }
                    else if (pieces.Count == 0 && UnderLabel(lines, i, hit) is { } under)
                    {
                        missing.TryAdd(hit.Label.Field, under);
                    }

                    continue;
                }

                var confidence = words.Length > 0 ? words.Average(w => w.Word.Confidence) : lines[i].FallbackConfidence;
                fields[hit.Label.Field] = new Field(
                    cleaned.Value,
                    cleaned.Repaired ? confidence * RepairPenalty : confidence,
                    FieldSource.Ocr,
                    pageIndex,
                    Union(words.Select(w => w.Word.Box)));
            }
        }

        if (lines.Count == 0)
        {
            checks.Add(NoText());
        }

        return new PrintedFieldReading(Generation(votes), fields, checks) { Unread = unread, Missing = missing };
    }

    /// <summary>Where the value of hit k of line i lies: the rest of its line, else the next line; addresses may run on.</summary>
    private static List<(int Line, int Start, int End)> ValuePieces(
        IReadOnlyList<OcrLine> lines, IReadOnlyList<LabelHit>[] hits, bool[] used, int i, int k)
    {
        var line = lines[i];
        var hit = hits[i][k];
        var start = line.Tokens[hit.EndToken - 1].End;
        var end = k + 1 < hits[i].Count ? line.Tokens[hits[i][k + 1].FirstToken].Start : line.Text.Length;
        start = AfterLabelTail(line.Text, start, end);
        var pieces = new List<(int Line, int Start, int End)>();
        // An ID number holds digits: after a label of several words, a rest of the line without one is the rest of the
        // label, its English half broken across lines by the reading ("… / Personal identif" then "ication number:").
        var numberLabel = hit.Label.Field == FieldNames.IdNumber && !hit.Label.StartOfLineOnly;
        var skippable = numberLabel ? MaxLabelTailLines : 0;
        if (line.Text[start..end].Any(char.IsLetterOrDigit) && (!numberLabel || line.Text[start..end].Any(char.IsAsciiDigit)))
        {
            pieces.Add((i, start, end));
        }

        var next = i + 1;
        var wanted = pieces.Count == 0 ? 1 : 0;
        if (hit.Label.Field is FieldNames.PlaceOfOrigin or FieldNames.PlaceOfResidence)
        {
            wanted++;
        }

        while (wanted > 0 && next < lines.Count && hits[next].Count == 0 && !used[next] && LabelledPrefix(lines[next].Text, 0, lines[next].Text.Length) < 0)
        {
            if (skippable > 0 && !lines[next].Text.Any(char.IsAsciiDigit))
            {
                skippable--;
                next++;
                continue;
            }

            used[next] = true;
            pieces.Add((next, 0, lines[next].Text.Length));
            next++;
            wanted--;
        }

        return pieces;
    }

    // Lines without a digit passed over under an ID number's label before its value: the label's broken English half.
    private const int MaxLabelTailLines = 1;

    // An ID number has 9 or 12 digits; "Số 21 Lê Lợi" at the start of an address line has a house number.
    private const int MinIdDigits = 9;

    /// <summary>
    /// Whether a one-word number label ("Số", "No") opens an address rather than the card number: a label only when
    /// the rest of its line is empty (the number below it) or holds at least <see cref="MinIdDigits"/> digits.
    /// </summary>
    private static bool IsAddressNumber(OcrLine line, LabelHit hit)
    {
        if (hit.Label.Field != FieldNames.IdNumber || hit.EndToken - hit.FirstToken != 1)
        {
            return false;
        }

        var rest = line.Text[line.Tokens[hit.EndToken - 1].End..];
        // look-alike letters count as digits inside a group that holds a digit, as the cleaner reads them ("O79O9OOO1234")
        var digits = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(g => g.Any(char.IsAsciiDigit))
            .Sum(g => g.Count(c => char.IsAsciiDigit(c) || "OoDQIl|iBSsZz".Contains(c, StringComparison.Ordinal)));
        return rest.Any(char.IsLetterOrDigit) && digits < MinIdDigits;
    }

    /// <summary>
    /// Where a value starts once the rest of its label is passed: a form prints longer labels than the ones we know
    /// ("Họ, chữ đệm, tên người yêu cầu: Lê Thị Ánh Tuyết"), and a value never contains its label, so words without
    /// digits up to a colon right after the known label still belong to it.
    /// </summary>
    private static int AfterLabelTail(string text, int start, int end)
    {
        var colon = LabelledPrefix(text, start, end);
        return colon < 0 ? start : colon + 1;
    }

    private const int MaxLabelTailWords = 6;

    /// <summary>
    /// The index of the colon that ends a label-like prefix of text[start..end] (a few words, letters only, then ':'),
    /// or -1. A line that opens with one ("Giấy tờ tùy thân: …") is a label line of its own, not an address running on.
    /// </summary>
    private static int LabelledPrefix(string text, int start, int end)
    {
        var colon = text.IndexOf(':', start, end - start);
        if (colon < 0)
        {
            return -1;
        }

        var prefix = text[start..colon];
        var words = prefix.Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= MaxLabelTailWords && prefix.All(c => char.IsLetter(c) || c is ' ' or ',' or '/' or '.')
            && colon + 1 < end && text[(colon + 1)..end].Any(char.IsLetterOrDigit)
            ? colon
            : -1;
    }

    // A value under its label is looked for down to this many label heights below it.
    private const double MissingLabelHeights = 3;

    /// <summary>
    /// The zone under label <paramref name="hit"/> of line <paramref name="i"/>, as wide as the label, from its foot down
    /// to the next line read below it (at most <see cref="MissingLabelHeights"/> label heights); null when the label has
    /// no box or no line fits there.
    /// </summary>
    private static PixelRect? UnderLabel(IReadOnlyList<OcrLine> lines, int i, LabelHit hit)
    {
        var line = lines[i];
        var (start, end) = (line.Tokens[hit.FirstToken].Start, line.Tokens[hit.EndToken - 1].End);
        if (Union(line.Words.Where(w => w.Start < end && w.End > start).Select(w => w.Word.Box)) is not { } label)
        {
            return null;
        }

        var top = label.Bottom;
        var bottom = label.Bottom + (int)Math.Ceiling(label.Height * MissingLabelHeights);
        foreach (var other in lines)
        {
            if (Union(other.Words.Select(w => w.Word.Box)) is { } box && box.Y >= top && box.Y < bottom && box.X < label.Right && box.Right > label.X)
            {
                bottom = box.Y;
            }
        }

        return bottom - top >= label.Height ? new PixelRect(label.X, top, label.Width, bottom - top) : null;
    }

    private static PixelRect? Union(IEnumerable<PixelRect> boxes)
    {
        PixelRect? union = null;
        foreach (var b in boxes)
        {
            union = union is not { } u
                ? b
                : new PixelRect(
                    Math.Min(u.X, b.X),
                    Math.Min(u.Y, b.Y),
                    Math.Max(u.Right, b.Right) - Math.Min(u.X, b.X),
                    Math.Max(u.Bottom, b.Bottom) - Math.Min(u.Y, b.Y));
        }

        return union;
    }

    private static CardGeneration Generation(Dictionary<CardGeneration, int> votes)
    {
        var for2021 = votes.GetValueOrDefault(CardGeneration.Cccd2021);
        var for2024 = votes.GetValueOrDefault(CardGeneration.CanCuoc2024);
        return for2024 > for2021 ? CardGeneration.CanCuoc2024 : for2021 > 0 ? CardGeneration.Cccd2021 : CardGeneration.Unknown;
    }

    private static Check NoText() =>
        Check.Fail("ocr.text", "Trang không có chữ đọc được", "The page has no readable text");
}
