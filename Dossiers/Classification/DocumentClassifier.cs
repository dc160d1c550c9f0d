using Intake.Pages;
using System.Globalization;
using Intake.Dossiers.Mrz;
using Intake.Dossiers.Qr;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Classification;

/// <summary>
/// Decides what a page is from its words (folded, so lost diacritics and small OCR errors still count), its size
/// (a card is 85.6 × 54 mm) and whether it carries a citizen-ID QR or an MRZ. Scores are additive evidence; below
/// <see cref="MinimumScore"/> the page is "other" and keeps its text.
/// A page is a card only if it looks like one (issue 10): cut out of the glass as a card, card-sized, carrying a
/// citizen-ID QR or an MRZ (read from its band or among its text lines), or printed with a card's bilingual labels. Words alone never make a card: a birth-registration
/// form names "Căn cước công dân" and "Quê quán" as a card does, and stays a form.
/// </summary>
public static class DocumentClassifier
{
    public const double MinimumScore = 2.5;

    /// <param name="page">The piece's text and size (null: nothing read).</param>
    /// <param name="qrPayload">The QR payload decoded on the piece, if any.</param>
    /// <param name="hasMrz">Whether a valid MRZ was read on it.</param>
    /// <param name="cutAsCard">Whether the page pipeline found the piece as a card on the glass (its outline or its codes).</param>
    public static Classification Classify(PageText? page, string? qrPayload = null, bool hasMrz = false, bool cutAsCard = false)
    {
        var text = VietnameseText.Nfc(page?.Text);
        var tokens = FoldedTokens.Of(text);
        var scores = DocumentTypes.All.ToDictionary(t => t, _ => 0.0, StringComparer.Ordinal);
        var evidence = new List<string>();

        foreach (var keyword in ClassifierKeywords.All.Where(k => FuzzyPhrase.Occurs(tokens, k.Keys)))
        {
            scores[keyword.Type] += keyword.Weight;
            evidence.Add($"\"{keyword.Phrase}\" → {keyword.Type}");
        }

        var shape = page is null ? default : CardShape.Of(page.Width, page.Height, page.Dpi);
        if (shape.CardSized)
        {
            AddToCards(scores, shape.Measured ? 2 : 1);
            evidence.Add(shape.Measured ? "card-sized page" : "card aspect ratio");
        }
        else if (shape.PageSized)
        {
            AddToCards(scores, -1.5);
            evidence.Add("full-page size");
        }

        var validQr = !string.IsNullOrWhiteSpace(qrPayload) && CccdQrParser.Parse(qrPayload).Succeeded;
        if (validQr)
        {
            // the QR is on the front of the 2021 card and on the back of the 2024 card
            scores[DocumentTypes.Cccd2021Front] += 3;
            scores[DocumentTypes.Cccd2024Back] += 3;
            evidence.Add("citizen-ID QR code");
        }

        if (hasMrz)
        {
            scores[DocumentTypes.Cccd2021Back] += 3;
            scores[DocumentTypes.Cccd2024Back] += 3;
            evidence.Add("MRZ");
        }

        var looksLikeCard = cutAsCard || shape.CardSized || validQr || hasMrz || CardLabels(tokens) >= MinimumCardLabels || MrzPrinted(page);
        if (!looksLikeCard && scores.Any(s => DocumentTypes.IsCccd(s.Key) && s.Value >= MinimumScore))
        {
            evidence.Add("card words on a page that does not look like a card");
        }

        var ranked = scores
            .Where(s => s.Key != DocumentTypes.Other && (looksLikeCard || !DocumentTypes.IsCccd(s.Key)))
            .OrderByDescending(s => s.Value)
            .ToArray();
        var (bestType, best) = (ranked[0].Key, ranked[0].Value);
        var second = ranked[1].Value;
        if (best < MinimumScore)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"best score {best:0.#} below {MinimumScore}"));
            return new Classification(DocumentTypes.Other, Math.Clamp(0.9 - (0.15 * best), 0.3, 0.9), text, evidence);
        }

        // more evidence and a wider lead over the runner-up both make the call surer; never certain.
        var confidence = Math.Clamp(0.4 + (0.06 * best) + (0.06 * (best - second)), 0.3, 0.98);
        return new Classification(bestType, confidence, text, evidence);
    }

    // A card prints its labels in Vietnamese and English; Vietnamese forms and certificates do not.
    private const int MinimumCardLabels = 2;

    private static readonly IReadOnlyList<IReadOnlyList<string>> EnglishCardLabels =
    [
        .. new[]
        {
            "Identity card", "Full name", "Date of birth", "Place of origin", "Place of residence",
            "Date of expiry", "Personal identification", "Nationality", "Place of birth", "Date of issue",
            "Left index finger", "Right index finger",
        }.Select(FoldedTokens.Keys),
    ];

    /// <summary>
    /// Whether the text itself holds an MRZ's lines (3×30, 2×36 or 2×44, check digits aside): a card back read as a whole
    /// page, where the finder missed its outline and no band was read, is still laid out as a card.
    /// </summary>
    private static bool MrzPrinted(PageText? page)
    {
        if (page is null) return false;
        if (MrzParser.Parse(page.Text).Succeeded) return true;
        // OCR of a whole page may add or lose a character on an MRZ line ("…067FE2503…"), so the lines need not parse:
        // two or more of the MRZ finder's candidate lines of a TD1's 30 characters give or take one, with fillers, one
        // of them starting with an ID card's document code (ICAO 9303 part 5: "I", "A" or "C", then a letter or '<')
        MrzLineFinder.Find(page.Text.Split('\n'), out var candidates);
        var lines = candidates.Where(l => l.Length is >= 29 and <= 31 && l.Contains("<<", StringComparison.Ordinal)).ToList();
        return lines.Count >= 2 && lines.Any(l => l[0] is 'I' or 'A' or 'C' && (char.IsAsciiLetterUpper(l[1]) || l[1] == '<'));
    }

    private static int CardLabels(IReadOnlyList<FoldedToken> tokens) => EnglishCardLabels.Count(label => FuzzyPhrase.Occurs(tokens, label));

    /// <summary>
    /// Whether <paramref name="text"/> holds at least two of a citizen-ID card's English labels ("Full name", "Date of
    /// birth", "Identity card"…), folded so lost diacritics and small OCR errors still count: a card prints its labels in
    /// Vietnamese and English, Vietnamese forms and certificates do not. The evidence that makes an image a card when
    /// no QR code or MRZ can (a 2024 front has neither).
    /// </summary>
    public static bool PrintsCardLabels(string? text) => CardLabels(FoldedTokens.Of(VietnameseText.Nfc(text))) >= MinimumCardLabels;

    private static void AddToCards(Dictionary<string, double> scores, double amount)
    {
        foreach (var type in DocumentTypes.All.Where(DocumentTypes.IsCccd))
        {
            scores[type] += amount;
        }
    }
}
