using Intake.Dossiers.Text;

namespace Intake.Dossiers.Mrz;

/// <summary>
/// What an MRZ says, after repair. Names carry no diacritics (Đ is written D): use them to confirm a name
/// read elsewhere, never to replace it. <see cref="PersonalIdNumber"/> is the Vietnamese 12-digit ID (TD1, line 1).
/// </summary>
public sealed record MrzReading(
    MrzFormat Format,
    IReadOnlyList<string> Lines,
    string DocumentCode,
    string IssuingCountry,
    string DocumentNumber,
    string Nationality,
    DateOnly? DateOfBirth,
    char? Sex,
    DateOnly? ExpiryDate,
    bool NoExpiry,
    string Surname,
    string GivenNames,
    string? PersonalIdNumber,
    IReadOnlyList<MrzCheckDigitResult> CheckDigits,
    IReadOnlyList<string> Repairs)
{
    public const string DocumentNumberField = "documentNumber";
    public const string DateOfBirthField = "dateOfBirth";
    public const string ExpiryField = "expiryDate";
    public const string PersonalNumberField = "personalNumber";
    public const string PersonalIdField = "personalIdNumber";
    public const string CompositeField = "composite";

    public bool AllCheckDigitsValid => CheckDigits.All(c => c.Valid);

    public bool WasRepaired => Repairs.Count > 0;

    /// <summary>"SURNAME GIVEN NAMES" as the MRZ spells it.</summary>
    public string FullName => $"{Surname} {GivenNames}".Trim();

    /// <summary>
    /// The applicant fields this MRZ vouches for. A field whose check digit holds (and the composite too) is an exact
    /// source (≥ 0.95); one the check digit had to repair is not; a failing one is low, so it can never outrank print.
    /// The name has no check digit in TD1 and no diacritics: it is kept below exact confidence, for confirmation.
    /// </summary>
    public IReadOnlyDictionary<string, Field> ToFields()
    {
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        if (DateOfBirth is { } dob)
        {
            fields[FieldNames.DateOfBirth] = new Field(VietnameseDate.Format(dob), ConfidenceOf(DateOfBirthField), FieldSource.Mrz);
        }

        if (Sex is { } sex)
        {
            fields[FieldNames.Sex] = new Field(sex.ToString(), SexConfidence(sex), FieldSource.Mrz);
        }

        if (NoExpiry || ExpiryDate is not null)
        {
            var value = NoExpiry ? FieldNames.NoExpiry : VietnameseDate.Format(ExpiryDate!.Value);
            fields[FieldNames.ExpiryDate] = new Field(value, NoExpiry ? 0.8 : ConfidenceOf(ExpiryField), FieldSource.Mrz);
        }

        if (PersonalIdNumber is not null)
        {
            fields[FieldNames.IdNumber] = new Field(PersonalIdNumber, ConfidenceOf(PersonalIdField), FieldSource.Mrz);
        }

        if (Nationality.Length > 0)
        {
            var nationality = Nationality == "VNM" ? "Việt Nam" : Nationality;
            fields[FieldNames.Nationality] = new Field(nationality, NationalityConfidence(), FieldSource.Mrz);
        }

        if (FullName.Length > 0)
        {
            fields[FieldNames.FullName] = new Field(FullName, 0.8, FieldSource.Mrz);
        }

        return fields;
    }

    /// <summary>
    /// No check digit covers the sex (ICAO 9303 Part 5: the TD1 composite skips line 2 position 8). On a Vietnamese card
    /// the 12-digit ID, which its own check digit covers, encodes the sex in its century digit: agreeing with it, the sex
    /// is as sure as the ID; without that witness it stays below exact.
    /// </summary>
    private double SexConfidence(char sex)
    {
        if (PersonalIdNumber is null || IdNumbers.PersonalIdNumber.Parse(PersonalIdNumber).Value is not { } id)
        {
            return Math.Min(ConfidenceOf(CompositeField), UnwitnessedCap);
        }

        return id.Sex == sex ? ConfidenceOf(PersonalIdField) : DisagreeingConfidence;
    }

    /// <summary>
    /// No check digit covers the nationality either: it is sure only when it names the issuing state (a Vietnamese card
    /// says VNM twice), else it stays below exact (a misread "NM" once came out at 0.97).
    /// </summary>
    private double NationalityConfidence() =>
        Nationality.Length == 3 && Nationality == IssuingCountry ? ConfidenceOf(CompositeField) : Math.Min(ConfidenceOf(CompositeField), UnwitnessedCap);

    // Below the 0.9 a value needs to pass without review.
    private const double UnwitnessedCap = 0.85;
    private const double DisagreeingConfidence = 0.5;

    /// <summary>
    /// A field read as printed and vouched for by its check digit and the composite is exact (0.99; 0.97 when a
    /// look-alike in a letters-only or digits-only zone was put right). A field its check digit had to choose a
    /// repair for stays below exact (0.85): one check digit cannot rule out a second error, so it needs confirmation.
    /// </summary>
    private double ConfidenceOf(string field)
    {
        var result = CheckDigits.FirstOrDefault(c => c.Field == field);
        var composite = CheckDigits.FirstOrDefault(c => c.Field == CompositeField);
        if (result is null || !result.Valid)
        {
            return 0.5;
        }

        if (composite is { Valid: false } || result.Repaired)
        {
            return 0.85;
        }

        return WasRepaired ? 0.97 : 0.99;
    }
}
