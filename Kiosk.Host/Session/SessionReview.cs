using Intake.Dossiers;
using Intake.Kiosk.Host.Processing;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The dossier a session's read pages make, before it is numbered: what the review screen shows. <see cref="PageNumbers"/>
/// maps the dossier's page indexes (pages that could be read, in order) back to the session's page numbers.
/// </summary>
internal sealed record SessionReview(Dossier Dossier, ReadPages Pages, IReadOnlyList<int> PageNumbers)
{
    /// <summary>Fields the citizen confirms, in the order the screen shows them.</summary>
    public static readonly string[] Shown =
    [
        FieldNames.FullName, FieldNames.IdNumber, FieldNames.DateOfBirth, FieldNames.Sex, FieldNames.PlaceOfOrigin, FieldNames.PlaceOfResidence,
    ];

    // below this a value read by OCR is shown as unsure (the assembler's review checks use the same idea)
    private const double SureConfidence = 0.9;

    public IReadOnlyList<string> TypesOn(int pageNumber)
    {
        var index = IndexOf(pageNumber);
        return index < 0 ? [] : Dossier.Documents.Where(d => d.Regions.Any(r => r.PageIndex == index)).Select(d => d.Type).Distinct().ToArray();
    }

    /// <summary>
    /// Each shown field that was read: value, how sure, whether sources disagree, whether the citizen corrected it, and
    /// whether a crop is served. A corrected field is no longer flagged: the citizen has looked at it and set it (the
    /// checks that still disagree with it stay in the dossier for the desk).
    /// </summary>
    public IReadOnlyList<ReviewField> Fields() =>
        Shown.Select(name => (name, field: Dossier.Applicant.Get(name))).Where(f => f.field is not null).Select(f =>
        {
            var corrected = f.field!.Source == FieldSource.Manual;
            var failed = Dossier.Checks.Where(c => !c.Passed).Select(c => c.Name).ToArray();
            var conflicting = !corrected && failed.Any(n => n == $"merge.{f.name}" || n.StartsWith($"merge.{f.name}.", StringComparison.Ordinal));
            var unsure = !corrected && (conflicting || f.field.Confidence < SureConfidence || failed.Contains($"review.{f.name}"));
            return new ReviewField(f.name, f.field.Value, f.field.Confidence, f.field.Source.ToString().ToLowerInvariant(), unsure, conflicting, corrected, f.field.Alternatives, SourceRegion(f.name) is not null);
        }).ToArray();

    /// <summary>The session page number and region (null: the whole page) of the document the field was read from.</summary>
    public (int PageNumber, Intake.Pages.PixelRect? Region)? SourceRegion(string fieldName)
    {
        var document = Dossier.Documents.FirstOrDefault(d => d.Fields.ContainsKey(fieldName));
        if (document is null || document.Regions.Count == 0) return null;
        var region = document.Regions[0];
        return region.PageIndex < PageNumbers.Count ? (PageNumbers[region.PageIndex], region.Region) : null;
    }

    private int IndexOf(int pageNumber)
    {
        for (var i = 0; i < PageNumbers.Count; i++)
            if (PageNumbers[i] == pageNumber) return i;
        return -1;
    }
}

/// <summary>One field on the review screen. Unsure and conflicting fields are highlighted with their crop.</summary>
internal sealed record ReviewField(string Name, string Value, double Confidence, string Source, bool Unsure, bool Conflicting, bool Corrected, IReadOnlyList<string> Alternatives, bool HasCrop);
