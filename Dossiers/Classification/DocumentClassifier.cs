using Intake.Pages;
using System.Globalization;
using Intake.Dossiers.Qr;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Classification;

/// <summary>
/// Decides what a page is from its words (folded, so lost diacritics and small OCR errors still count), its size
/// (a card is 85.6 × 54 mm) and whether it carries a citizen-ID QR or an MRZ. Scores are additive evidence; below
/// <see cref="MinimumScore"/> the page is "other" and keeps its text.
/// </summary>
public static class DocumentClassifier
{
    public const double MinimumScore = 2.5;

    public static Classification Classify(PageText? page, string? qrPayload = null, bool hasMrz = false)
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

        if (!string.IsNullOrWhiteSpace(qrPayload) && CccdQrParser.Parse(qrPayload).Succeeded)
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

        var ranked = scores.Where(s => s.Key != DocumentTypes.Other).OrderByDescending(s => s.Value).ToArray();
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

    private static void AddToCards(Dictionary<string, double> scores, double amount)
    {
        foreach (var type in DocumentTypes.All.Where(DocumentTypes.IsCccd))
        {
            scores[type] += amount;
        }
    }
}
