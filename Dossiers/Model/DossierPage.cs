namespace Intake.Dossiers;

/// <summary>One scanned page of a dossier, in scan order (Circular 01/2023: one image per physical page, in order).</summary>
public sealed record DossierPage(int Index, int Width, int Height, double Dpi, string? ImageSha256 = null);
