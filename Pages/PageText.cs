namespace Intake.Pages;

/// <summary>
/// What recognition made of one page: the text in reading order (NFC), the words with boxes and
/// confidence, and, when asked for, the page's hOCR and one-page searchable PDF.
/// </summary>
public sealed record PageText(
    string Text,
    IReadOnlyList<OcrWord> Words,
    double MeanConfidence,
    int Width,
    int Height,
    double Dpi,
    string? Hocr = null,
    byte[]? SearchablePdf = null);
