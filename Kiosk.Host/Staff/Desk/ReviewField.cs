using Intake.Dossiers;
using Intake.Pages;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// One applicant field as the review page shows it: its value, confidence (0..1) and source; whether it is unsure
/// (read by OCR or MRZ below the desk's threshold) or conflicting (another document gave another value, not only in
/// another case: the QR's "Ngô Thành Quân" is the card's "NGÔ THÀNH QUÂN"); the page
/// (0-based) and, in that page's pixels, the document it was read from (<paramref name="Region"/>: the card on the
/// glass; null for a whole page) and the field itself (<paramref name="Highlight"/>, when the reader kept its box).
/// A field corrected at the desk (source manual) is neither unsure nor conflicting any more.
/// </summary>
public sealed record ReviewField(
    string Name, string Value, double Confidence, string Source, bool Unsure, bool Conflict, IReadOnlyList<string> Alternatives,
    int? Page, PixelRect? Region, PixelRect? Highlight)
{
    public bool NeedsReview => Unsure || Conflict;

    /// <summary>Every field the dossier has, in <see cref="FieldNames.All"/> order.</summary>
    public static IReadOnlyList<ReviewField> Of(Dossier dossier, double unsureBelow)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var fields = new List<ReviewField>();
        foreach (var name in FieldNames.All)
        {
            if (dossier.Applicant.Get(name) is not { } field) continue;
            var manual = field.Source == FieldSource.Manual;
            var region = RegionOf(dossier, name, field);
            fields.Add(new ReviewField(
                name, field.Value, field.Confidence, field.Source.ToString().ToLowerInvariant(),
                Unsure: !manual && field.Confidence < unsureBelow,
                Conflict: !manual && field.Alternatives.Any(a => !string.Equals(a, field.Value, StringComparison.OrdinalIgnoreCase)),
                field.Alternatives, field.Page, region, HighlightOf(field, region)));
        }

        return fields;
    }

    /// <summary>
    /// The region of the document that gave the field on its page: a card on a flatbed scan has one; a whole-page
    /// document has none (null).
    /// </summary>
    private static PixelRect? RegionOf(Dossier dossier, string name, Field field)
    {
        if (field.Page is not { } page) return null;
        var sources = dossier.Documents.Where(d => d.Regions.Any(r => r.PageIndex == page)).ToArray();
        var document = sources.FirstOrDefault(d => d.Fields.TryGetValue(name, out var f) && (f.Value == field.Value || field.Alternatives.Contains(f.Value)))
                       ?? sources.FirstOrDefault(d => d.Fields.ContainsKey(name));
        return document?.Regions.FirstOrDefault(r => r.PageIndex == page)?.Region;
    }

    /// <summary>
    /// The field's box is in the pixels of the piece it was read from (the card cut out and set upright, or the cleaned
    /// page); placed at the region's corner and kept inside it, it lands on the scan close enough to point the eye.
    /// </summary>
    private static PixelRect? HighlightOf(Field field, PixelRect? region)
    {
        if (field.Box is not { } box) return region;
        if (region is not { } card) return box;
        var x = Math.Clamp(card.X + box.X, card.X, card.Right - 1);
        var y = Math.Clamp(card.Y + box.Y, card.Y, card.Bottom - 1);
        return new PixelRect(x, y, Math.Min(box.Width, card.Right - x), Math.Min(box.Height, card.Bottom - y));
    }
}
