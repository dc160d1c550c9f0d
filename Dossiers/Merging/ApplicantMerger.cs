using Intake.Dossiers.IdNumbers;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Merging;

/// <summary>
/// Builds one applicant from every document's fields. Exact sources (the QR, a check-digit-valid MRZ) beat OCR;
/// every disagreement becomes a failed check naming both values; the MRZ name (no diacritics) only confirms a name;
/// the ID number is confirmed by its own rules against the date of birth and sex. Fields below the review threshold
/// or in dispute are listed in <see cref="ApplicantMerge.NeedsReview"/>.
/// </summary>
public static class ApplicantMerger
{
    public const double DefaultReviewThreshold = 0.8;

    /// <summary>The most an unconfirmed OCR value may claim: below 0.9, always.</summary>
    public const double OcrCeiling = 0.89;

    /// <summary>An exact source's field counts as exact only from this confidence up (an MRZ field failing its check digit sits at 0.5).</summary>
    public const double ExactFloor = 0.95;

    public static ApplicantMerge Merge(IEnumerable<Document>? documents, double reviewThreshold = DefaultReviewThreshold)
    {
        var docs = documents?.ToArray() ?? [];
        var checks = new List<Check>();
        var decisions = new Dictionary<string, FieldDecision>(StringComparer.Ordinal);
        foreach (var name in FieldNames.All)
        {
            var candidates = docs
                .Where(d => d.Fields.ContainsKey(name))
                .Select(d => new FieldCandidate(d.Fields[name], d.Type))
                .Where(c => c.Field.Value.Length > 0)
                .ToArray();
            if (Decide(name, candidates, checks) is { } decision)
            {
                decisions[name] = decision;
            }
        }

        ConfirmNameByMrz(docs, decisions, checks);
        ConfirmIdNumberByRules(decisions, checks);

        var applicant = Applicant.Empty;
        var review = new List<string>();
        foreach (var (name, decision) in decisions)
        {
            var field = decision.Settle();
            applicant = applicant.With(name, field);
            if (field.Confidence < reviewThreshold || decision.Disputed)
            {
                review.Add(name);
            }
        }

        return new ApplicantMerge(applicant, checks, review);
    }

    private static FieldDecision? Decide(string name, FieldCandidate[] candidates, List<Check> checks)
    {
        // the MRZ name has no diacritics: it confirms a name, it is not one (unless nothing else was read)
        var offered = name == FieldNames.FullName && candidates.Any(c => c.Field.Source != FieldSource.Mrz)
            ? candidates.Where(c => c.Field.Source != FieldSource.Mrz).ToArray()
            : candidates;
        if (offered.Length == 0)
        {
            return null;
        }

        var chosen = offered.LastOrDefault(c => c.Field.Source == FieldSource.Manual)
            ?? offered.Where(c => c.IsExact).OrderBy(c => c.Field.Source == FieldSource.Qr ? 0 : 1).ThenByDescending(c => c.Field.Confidence).FirstOrDefault()
            ?? offered.OrderByDescending(c => c.Field.Confidence).First();
        var key = Comparable(chosen.Field.Value);
        var others = offered.Where(c => !ReferenceEquals(c, chosen)).ToArray();
        var disagreeing = others.Where(c => Comparable(c.Field.Value) != key).ToArray();
        foreach (var other in disagreeing)
        {
            checks.Add(Check.Fail(
                $"merge.{name}",
                $"{name}: {chosen.Origin} ghi \"{chosen.Field.Value}\" nhưng {other.Origin} ghi \"{other.Field.Value}\"",
                $"{name}: {chosen.Origin} reads \"{chosen.Field.Value}\" but {other.Origin} reads \"{other.Field.Value}\""));
        }

        // every other source's own spelling is kept, the same name in another tone-mark placement or case included
        var alternatives = others.Select(c => c.Field.Value).Where(v => v != chosen.Field.Value).Distinct(StringComparer.Ordinal).ToArray();
        var nameFromMrzOnly = name == FieldNames.FullName && chosen.Field.Source == FieldSource.Mrz;
        return new FieldDecision(
            nameFromMrzOnly ? chosen with { Field = chosen.Field with { Confidence = Math.Min(chosen.Field.Confidence, 0.7) } } : chosen,
            alternatives,
            Confirmed: !nameFromMrzOnly && others.Length > disagreeing.Length,
            Disputed: disagreeing.Length > 0,
            ExactDispute: chosen.IsExact && disagreeing.Any(c => c.IsExact));
    }

    private static void ConfirmNameByMrz(Document[] docs, Dictionary<string, FieldDecision> decisions, List<Check> checks)
    {
        if (!decisions.TryGetValue(FieldNames.FullName, out var name) || name.Chosen.Field.Source == FieldSource.Mrz)
        {
            return;
        }

        var mrzNames = docs
            .Select(d => d.Fields.GetValueOrDefault(FieldNames.FullName))
            .Where(f => f is { Source: FieldSource.Mrz })
            .Select(f => f!.Value)
            .Distinct(StringComparer.Ordinal);
        foreach (var mrzName in mrzNames)
        {
            var folded = VietnameseText.SearchKey(name.Chosen.Field.Value);
            var mrzKey = VietnameseText.SearchKey(mrzName);

            // a TD1 name zone holds 30 characters: a long name is cut, so a full zone need only be a prefix
            var agrees = folded == mrzKey || (mrzKey.Length >= 25 && folded.StartsWith(mrzKey, StringComparison.Ordinal));
            if (agrees)
            {
                // the MRZ vouches for the letters only: it cannot tell Trần from Tran or Trân, so it does not lift
                // an OCR name above the OCR ceiling (a name that lost its diacritics would otherwise pass as certain)
                checks.Add(Check.Pass("merge.fullName.mrz", "Họ tên khớp với MRZ (trừ dấu)", "Full name agrees with the MRZ (diacritics aside)"));
            }
            else
            {
                checks.Add(Check.Fail(
                    "merge.fullName.mrz",
                    $"Họ tên \"{name.Chosen.Field.Value}\" khác tên trên MRZ \"{mrzName}\"",
                    $"Full name \"{name.Chosen.Field.Value}\" differs from the MRZ name \"{mrzName}\""));
                decisions[FieldNames.FullName] = name with { Disputed = true, ExactDispute = name.Chosen.IsExact };
            }

            name = decisions[FieldNames.FullName];
        }
    }

    private static void ConfirmIdNumberByRules(Dictionary<string, FieldDecision> decisions, List<Check> checks)
    {
        if (!decisions.TryGetValue(FieldNames.IdNumber, out var id))
        {
            return;
        }

        var parsed = PersonalIdNumber.Parse(id.Chosen.Field.Value);
        checks.AddRange(parsed.Checks);
        if (!parsed.Succeeded)
        {
            decisions[FieldNames.IdNumber] = id with { Disputed = true };
            return;
        }

        DateOnly? dob = decisions.TryGetValue(FieldNames.DateOfBirth, out var d) && VietnameseDate.TryParse(d.Chosen.Field.Value, out var date) ? date : null;
        char? sex = decisions.TryGetValue(FieldNames.Sex, out var s) && s.Chosen.Field.Value is "M" or "F" ? s.Chosen.Field.Value[0] : null;
        var crossChecks = parsed.Value!.CrossCheck(dob, sex);
        checks.AddRange(crossChecks);
        var allRules = parsed.Checks.Concat(crossChecks).ToArray();
        if (crossChecks.Count > 0 && allRules.All(c => c.Passed))
        {
            decisions[FieldNames.IdNumber] = id with { Confirmed = true };
        }
        else if (allRules.Any(c => !c.Passed))
        {
            decisions[FieldNames.IdNumber] = id with { Disputed = true };
        }
    }

    /// <summary>
    /// What two readings must share to agree: the same letters and digits, ignoring case, punctuation, NFC/NFD and
    /// the old/new tone-mark placement ("Thuỷ Hoà" = "THỦY HÒA"); diacritics otherwise count ("Hòa" ≠ "Hoa").
    /// </summary>
    private static string Comparable(string value) => VietnameseText.ComparisonKey(value);
}
