namespace Intake.Dossiers;

/// <summary>The applicant field names, shared by extractors, the merger and corrections so they can never drift apart.</summary>
public static class FieldNames
{
    public const string IdNumber = "idNumber";
    public const string OldIdNumber = "oldIdNumber";
    public const string FullName = "fullName";
    public const string DateOfBirth = "dateOfBirth";
    public const string Sex = "sex";
    public const string Nationality = "nationality";
    public const string PlaceOfOrigin = "placeOfOrigin";
    public const string PlaceOfResidence = "placeOfResidence";
    public const string IssueDate = "issueDate";
    public const string ExpiryDate = "expiryDate";

    /// <summary>Written in <see cref="ExpiryDate"/> when a card never expires ("Không thời hạn").</summary>
    public const string NoExpiry = "none";

    public static IReadOnlyList<string> All { get; } =
    [
        IdNumber, OldIdNumber, FullName, DateOfBirth, Sex, Nationality,
        PlaceOfOrigin, PlaceOfResidence, IssueDate, ExpiryDate,
    ];
}
