namespace Intake.Dossiers.Package;

/// <summary>One physical page as scanned, in colour, encoded (JPEG or PNG), with its size in pixels and resolution.</summary>
public sealed record ScannedPagePicture(int PageIndex, byte[] Encoded, int Width, int Height, double Dpi);
