namespace Intake.Dossiers;

/// <summary>
/// The citizen the dossier is about. Dates are yyyy-MM-dd, sex is M or F, expiry may be "none";
/// a null field was not read from any document.
/// </summary>
public sealed record Applicant(
    Field? IdNumber = null,
    Field? OldIdNumber = null,
    Field? FullName = null,
    Field? DateOfBirth = null,
    Field? Sex = null,
    Field? Nationality = null,
    Field? PlaceOfOrigin = null,
    Field? PlaceOfResidence = null,
    Field? IssueDate = null,
    Field? ExpiryDate = null)
{
    public static Applicant Empty { get; } = new();

    /// <summary>The field stored under one of <see cref="FieldNames"/>.</summary>
    public Field? Get(string name) => name switch
    {
        FieldNames.IdNumber => IdNumber,
        FieldNames.OldIdNumber => OldIdNumber,
        FieldNames.FullName => FullName,
        FieldNames.DateOfBirth => DateOfBirth,
        FieldNames.Sex => Sex,
        FieldNames.Nationality => Nationality,
        FieldNames.PlaceOfOrigin => PlaceOfOrigin,
        FieldNames.PlaceOfResidence => PlaceOfResidence,
        FieldNames.IssueDate => IssueDate,
        FieldNames.ExpiryDate => ExpiryDate,
        _ => throw new ArgumentException($"Unknown applicant field '{name}'.", nameof(name)),
    };

    /// <summary>A copy with one field replaced.</summary>
    public Applicant With(string name, Field? value) => name switch
    {
        FieldNames.IdNumber => this with { IdNumber = value },
        FieldNames.OldIdNumber => this with { OldIdNumber = value },
        FieldNames.FullName => this with { FullName = value },
        FieldNames.DateOfBirth => this with { DateOfBirth = value },
        FieldNames.Sex => this with { Sex = value },
        FieldNames.Nationality => this with { Nationality = value },
        FieldNames.PlaceOfOrigin => this with { PlaceOfOrigin = value },
        FieldNames.PlaceOfResidence => this with { PlaceOfResidence = value },
        FieldNames.IssueDate => this with { IssueDate = value },
        FieldNames.ExpiryDate => this with { ExpiryDate = value },
        _ => throw new ArgumentException($"Unknown applicant field '{name}'.", nameof(name)),
    };
}
