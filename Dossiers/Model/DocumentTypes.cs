namespace Intake.Dossiers;

/// <summary>
/// The document types the kiosk recognises. Plain strings rather than an enum because they travel
/// in JSON (procedures catalogue, sync protocol) and must read the same everywhere.
/// </summary>
public static class DocumentTypes
{
    public const string Cccd2021Front = "cccd-2021-front";
    public const string Cccd2021Back = "cccd-2021-back";
    public const string Cccd2024Front = "cccd-2024-front";
    public const string Cccd2024Back = "cccd-2024-back";
    public const string BirthCertificate = "birth-certificate";
    public const string MarriageCertificate = "marriage-certificate";
    public const string ResidenceConfirmation = "residence-confirmation";
    public const string LandCertificate = "land-certificate";
    public const string ApplicationForm = "application-form";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
    [
        Cccd2021Front, Cccd2021Back, Cccd2024Front, Cccd2024Back, BirthCertificate,
        MarriageCertificate, ResidenceConfirmation, LandCertificate, ApplicationForm, Other,
    ];

    public static bool IsCccd(string type) => type.StartsWith("cccd-", StringComparison.Ordinal);

    public static bool IsCccdFront(string type) => type is Cccd2021Front or Cccd2024Front;

    public static bool IsCccdBack(string type) => type is Cccd2021Back or Cccd2024Back;
}
