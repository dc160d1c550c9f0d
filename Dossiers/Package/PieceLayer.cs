namespace Intake.Dossiers.Package;

/// <summary>
/// One piece's one-page searchable PDF (its upright image and invisible text, as the OCR engine rendered it) and
/// where that upright piece lies on its scanned page: centre and size in the page's pixels, and how far it is turned
/// counter-clockwise there. A whole-page piece replaces the page (it is the page, set upright).
/// </summary>
public sealed record PieceLayer(
    int PieceIndex,
    int PageIndex,
    bool WholePage,
    byte[] SearchablePdf,
    double CenterX,
    double CenterY,
    double Width,
    double Height,
    double Degrees);
