using Intake.Dossiers.Merging;
using Intake.Dossiers.Procedures;

namespace Intake.Dossiers.Assembly;

/// <summary>
/// Builds a dossier from recognised pieces: each piece is classified and its fields read per source; pieces become
/// documents (an unrecognised full page right after a page document is that document's next page); the applicant is
/// merged from the documents about the applicant (ID cards, CT07 — not a child's birth certificate or a form), every
/// disagreement and rule violation becomes a failed check, low-confidence fields a review check, and the procedure's
/// checklist is ticked. Bad input never throws: it becomes a failed check. Corrections made before the dossier is first
/// committed (the citizen's, at the kiosk's review) take part in the merge as manual values, so every check runs again
/// against them, and are kept as the dossier's corrections (its audit log).
/// </summary>
public static class DossierAssembler
{
    /// <summary>How a check names the corrections' source: "MANUAL (correction)".</summary>
    private const string CorrectionSource = "correction";

    private static readonly HashSet<string> AboutTheApplicant = new(StringComparer.Ordinal)
    {
        DocumentTypes.Cccd2021Front, DocumentTypes.Cccd2021Back, DocumentTypes.Cccd2024Front, DocumentTypes.Cccd2024Back,
        DocumentTypes.ResidenceConfirmation,
    };

    private static readonly HashSet<string> MultiPage = new(StringComparer.Ordinal)
    {
        DocumentTypes.ApplicationForm, DocumentTypes.BirthCertificate, DocumentTypes.MarriageCertificate,
        DocumentTypes.ResidenceConfirmation, DocumentTypes.LandCertificate,
    };

    public static DossierAssembly Assemble(
        DossierCode code,
        string operatorName,
        DateTimeOffset scannedAt,
        string? procedureCode,
        IReadOnlyList<DossierPage> pages,
        IReadOnlyList<RecognisedPiece> pieces,
        IReadOnlyList<Correction>? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(pieces);
        var checks = new List<Check>();
        Procedure? procedure = null;
        if (!string.IsNullOrWhiteSpace(procedureCode))
        {
            var found = ProcedureCatalog.Default.Find(procedureCode);
            checks.AddRange(found.Checks);
            procedure = found.Value;
        }

        var readings = pieces.Select(PieceInterpreter.Interpret).ToArray();
        foreach (var reading in readings)
        {
            checks.AddRange(reading.Checks);
        }

        var groups = Group(readings, pieces);
        var documents = new List<Document>();
        var documentPieces = new List<IReadOnlyList<int>>();
        foreach (var group in groups)
        {
            var first = readings[group[0]];
            var sources = group.SelectMany(i => readings[i].Sources).ToArray();
            var regions = group.Select(i => new PageRegion(pieces[i].PageIndex, pieces[i].Region)).ToArray();
            documents.Add(new Document(first.Classification.Type, first.Classification.Confidence, regions, PieceInterpreter.MergedFields(sources)));
            documentPieces.Add(group);
        }

        var applicantSources = groups
            .Where(g => AboutTheApplicant.Contains(readings[g[0]].Classification.Type))
            .SelectMany(g => g.SelectMany(i => readings[i].Sources))
            .ToArray();
        var merge = ApplicantMerger.Merge([.. applicantSources, .. ManualSource(corrections)]);
        checks.AddRange(merge.Checks);
        foreach (var name in merge.NeedsReview)
        {
            var field = merge.Applicant.Get(name);
            checks.Add(Check.Fail(
                $"review.{name}",
                $"Cần cán bộ kiểm tra {name}: \"{field?.Value}\" (độ tin cậy {field?.Confidence:0.00})",
                $"{name} needs review: \"{field?.Value}\" (confidence {field?.Confidence:0.00})"));
        }

        if (applicantSources.Length == 0)
        {
            checks.Add(Check.Fail("applicant.identity", "Không tìm thấy giấy tờ tùy thân của người nộp", "No identity document of the applicant was found"));
        }

        var dossier = Dossier.Create(code, operatorName, scannedAt, procedure?.ToRef()) with
        {
            Applicant = merge.Applicant,
            Documents = documents,
            Pages = pages,
            Checks = checks,
            Checklist = procedure?.ChecklistFor(documents) ?? [],
            Corrections = corrections ?? [],
        };
        return new DossierAssembly(dossier, documentPieces);
    }

    /// <summary>
    /// The corrections as one more source for the merge (not a document of the dossier): manual, certain, placed on
    /// no page. The merger prefers a manual value and keeps the values read from the documents as its alternatives.
    /// </summary>
    private static Document[] ManualSource(IReadOnlyList<Correction>? corrections)
    {
        if (corrections is not { Count: > 0 }) return [];
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var correction in corrections) fields[correction.FieldName] = new Field(correction.NewValue, 1.0, FieldSource.Manual);
        return [new Document(CorrectionSource, 1.0, [], fields)];
    }

    /// <summary>Pieces in scan order; an "other" full page following a multi-page document's page continues it.</summary>
    private static List<List<int>> Group(PieceReading[] readings, IReadOnlyList<RecognisedPiece> pieces)
    {
        var groups = new List<List<int>>();
        foreach (var index in Enumerable.Range(0, pieces.Count).OrderBy(i => pieces[i].PageIndex).ThenBy(i => i))
        {
            var piece = pieces[index];
            var type = readings[index].Classification.Type;
            var previous = groups.Count > 0 ? groups[^1] : null;
            var continues = previous is not null
                && !piece.IsCard
                && type == DocumentTypes.Other
                && !pieces[previous[^1]].IsCard
                && pieces[previous[^1]].PageIndex == piece.PageIndex - 1
                && MultiPage.Contains(readings[previous[0]].Classification.Type);
            if (continues)
            {
                previous!.Add(index);
            }
            else
            {
                groups.Add([index]);
            }
        }

        return groups;
    }
}
