using Intake.Dossiers.Classification;
using Intake.Dossiers.Merging;
using Intake.Dossiers.Mrz;
using Intake.Dossiers.Printed;
using Intake.Dossiers.Qr;

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
        var classification = DocumentClassifier.Classify(piece.Text, qr is { Succeeded: true } ? piece.QrPayload : null, mrzValid);
        var printed = PrintedFieldExtractor.Extract(piece.Text, piece.PageIndex);
        checks.AddRange(printed.Checks.Where(c => !c.Passed));

        var type = classification.Type;
        var sources = new List<Document> { new(type, classification.Confidence, [region], WithPlace(printed.Fields, piece)) };
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
