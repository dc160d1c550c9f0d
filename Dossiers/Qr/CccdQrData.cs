using Intake.Dossiers.Text;

namespace Intake.Dossiers.Qr;

/// <summary>
/// The fields of a citizen-ID card's QR code. The QR is an exact source (error-corrected), so its fields go in at
/// high confidence; a field that failed to validate is left null and reported instead. Extra fields of the 2024
/// card, whose layout is unpublished, are kept raw.
/// </summary>
public sealed record CccdQrData(
    string IdNumber,
    string? OldIdNumber,
    string? FullName,
    DateOnly? DateOfBirth,
    char? Sex,
    string? PlaceOfResidence,
    DateOnly? IssueDate,
    IReadOnlyList<string> ExtraFields)
{
    /// <summary>The QR's fields as applicant fields; the QR is error-corrected, hence 0.99.</summary>
    public IReadOnlyDictionary<string, Field> ToFields()
    {
        const double Exact = 0.99;
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal)
        {
            [FieldNames.IdNumber] = new Field(IdNumber, Exact, FieldSource.Qr),
        };
        if (OldIdNumber is not null)
        {
            fields[FieldNames.OldIdNumber] = new Field(OldIdNumber, Exact, FieldSource.Qr);
        }

        if (FullName is not null)
        {
            fields[FieldNames.FullName] = new Field(FullName, Exact, FieldSource.Qr);
        }

        if (DateOfBirth is { } dob)
        {
            fields[FieldNames.DateOfBirth] = new Field(VietnameseDate.Format(dob), Exact, FieldSource.Qr);
        }

        if (Sex is { } sex)
        {
            fields[FieldNames.Sex] = new Field(sex.ToString(), Exact, FieldSource.Qr);
        }

        if (PlaceOfResidence is not null)
        {
            fields[FieldNames.PlaceOfResidence] = new Field(PlaceOfResidence, Exact, FieldSource.Qr);
        }

        if (IssueDate is { } issued)
        {
            fields[FieldNames.IssueDate] = new Field(VietnameseDate.Format(issued), Exact, FieldSource.Qr);
        }

        return fields;
    }
}
