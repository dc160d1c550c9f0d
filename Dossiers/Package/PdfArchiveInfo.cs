namespace Intake.Dossiers.Package;

/// <summary>What every PDF of a dossier says about itself: title, dossier and procedure codes, who scanned it and when.</summary>
public sealed record PdfArchiveInfo(string Title, string DossierCode, string? ProcedureCode, string? ProcedureName, string Operator, DateTimeOffset ScannedAt)
{
    public static PdfArchiveInfo Of(Dossier dossier, string title)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new PdfArchiveInfo(title, dossier.Code.ToString(), dossier.Procedure?.Code, dossier.Procedure?.Name, dossier.Operator, dossier.CreatedAt);
    }
}
