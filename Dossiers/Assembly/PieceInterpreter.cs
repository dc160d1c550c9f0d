using Intake.Dossiers.Classification;
using Intake.Dossiers.Merging;
using Intake.Dossiers.Mrz;
using Intake.Dossiers.Printed;
using Intake.Dossiers.Qr;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Assembly;

/// <summary>
/// Turns one recognised piece into a classification and one field set per source (printed text, MRZ, QR). Each source
/// stays separate so the merger can weigh them and report every disagreement; nothing here throws on bad input.
/// </summary>
internal static class PieceInterpreter
{
    public static PieceReading Interpret(RecognisedPiece piece, int pieceIndex)
    {
        var checks = new List<Check>();
        var region = new PageRegion(piece.PageIndex, piece.Region);
        if (piece.ReadingProblem is { } problem)
        {
            var (vietnamese, english) = problem.Split(Check.LanguageSeparator, 2) is [var vi, var en] ? (vi, en) : (problem, problem);
            checks.Add(Check.Fail("ocr.resolution", $"Trang {piece.PageIndex + 1}: {vietnamese}", $"Page {piece.PageIndex + 1}: {english}"));
        }

        Extraction<CccdQrData>? qr = null;
        if (!string.IsNullOrEmpty(piece.QrPayload))
        {
            qr = CccdQrParser.Parse(piece.QrPayload);
            checks.AddRange(qr.Checks.Where(c => !c.Passed));
            if (qr.Succeeded)
            {
                checks.Add(Check.Pass("qr.read", $"Đọc được mã QR trên trang {piece.PageIndex + 1}", $"QR code read on page {piece.PageIndex + 1}"));
            }
        }

        Extraction<MrzReading>? mrz = null;
        if (piece.MrzLines is { Count: > 0 } lines)
        {
            mrz = MrzParser.Parse(lines);
            // "no MRZ here" is normal for most pieces; an MRZ of the wrong shape or a bad check digit is not
            var looksLikeMrz = mrz.Succeeded || mrz.Checks.Any(c => c.Name == "mrz.length");
            if (looksLikeMrz)
            {
                checks.AddRange(mrz.Checks);
            }
        }

        var mrzValid = mrz is { Succeeded: true };
        var classification = DocumentClassifier.Classify(piece.Text, qr is { Succeeded: true } ? piece.QrPayload : null, mrzValid, piece.IsCard);
        var printed = PrintedFieldExtractor.Extract(piece.Text, piece.PageIndex);
        var printedFields = WithSecondLooks(printed.Fields, piece);

        // a field the first reading missed and a second look then read is not a failure of the page
        checks.AddRange(printed.Checks.Where(c => !c.Passed && !(c.Name.StartsWith("ocr.", StringComparison.Ordinal) && printedFields.ContainsKey(c.Name["ocr.".Length..]))));

        var type = classification.Type;
        var sources = new List<Document> { new(type, classification.Confidence, [region], WithPlace(printedFields, piece)) };
        if (mrzValid)
        {
            sources.Add(new Document(type, classification.Confidence, [region], WithPlace(mrz!.Value!.ToFields(), piece)));
        }

        if (qr is { Succeeded: true })
        {
            sources.Add(new Document(type, classification.Confidence, [region], WithPlace(qr.Value!.ToFields(), piece)));
        }

        return new PieceReading(pieceIndex, classification, sources, checks);
    }

    // A digits-only second look that agrees with the first reading confirms it, up to this; one that stands alone
    // or disagrees is believed over the general model's reading of bold digits, but not enough to skip review.
    private const double ConfirmedCap = 0.95;
    private const double SecondLookAloneCap = 0.8;

    /// <summary>The printed fields with the second looks' answers folded in (<see cref="SecondLook"/>).</summary>
    private static IReadOnlyDictionary<string, Field> WithSecondLooks(IReadOnlyDictionary<string, Field> printed, RecognisedPiece piece)
    {
        if (piece.SecondLooks is not { Count: > 0 } answers)
        {
            return printed;
        }

        var fields = new Dictionary<string, Field>(printed, StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var cleaned = PrintedValueCleaner.Clean(answer.Field, answer.Text);
            if (cleaned.Value is null || cleaned.Repaired)
            {
                continue;
            }

            if (answer.Field == FieldNames.FullName)
            {
                // the name's line read alone: believed only where it gives back marks the card's reading lost
                if (printed.TryGetValue(answer.Field, out var whole) && ToneMarks.OnlyAdds(whole.Value, cleaned.Value))
                {
                    fields[answer.Field] = whole with { Value = cleaned.Value, Confidence = Math.Min(whole.Confidence, SecondLookAloneCap), Alternatives = [whole.Value] };
                }

                continue;
            }

            fields[answer.Field] = printed.TryGetValue(answer.Field, out var first) switch
            {
                true when first.Value == cleaned.Value => first with { Confidence = Math.Max(first.Confidence, Math.Min(answer.Confidence, ConfirmedCap)) },
                true => first with { Value = cleaned.Value, Confidence = Math.Min(answer.Confidence, SecondLookAloneCap), Alternatives = [first.Value] },
                false => new Field(cleaned.Value, Math.Min(answer.Confidence, SecondLookAloneCap), FieldSource.Ocr, piece.PageIndex),
            };
        }

        return fields;
    }

    /// <summary>Exact sources carry no box; they still come from this page.</summary>
    private static Dictionary<string, Field> WithPlace(IReadOnlyDictionary<string, Field> fields, RecognisedPiece piece) =>
        fields.ToDictionary(f => f.Key, f => f.Value.Page is null ? f.Value with { Page = piece.PageIndex } : f.Value, StringComparer.Ordinal);

    /// <summary>The document's own fields: its sources merged (exact beats OCR), without repeating the dossier-level checks.</summary>
    public static IReadOnlyDictionary<string, Field> MergedFields(IEnumerable<Document> sources)
    {
        var merged = ApplicantMerger.Merge(sources);
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var name in FieldNames.All)
        {
            if (merged.Applicant.Get(name) is { } field)
            {
                fields[name] = field;
            }
        }

        return fields;
    }
}
