namespace Intake.Scanner.Replay;

/// <summary>How a PDF page becomes pixels and text.</summary>
public enum PdfPageKind
{
    /// <summary>The page has a text layer (born digital, or OCR'd before): its text is kept, not read again; the picture is drawn by poppler.</summary>
    TextLayer,

    /// <summary>The page is one scanned image covering it: that image is taken as it is, at its own resolution.</summary>
    EmbeddedImage,

    /// <summary>Anything else (JBIG2, JPEG 2000, vector drawings, mixed pages): drawn by poppler and read.</summary>
    Rendered,
}

/// <summary>
/// What was decided for one page (1-based <see cref="Number"/>) and why. For an embedded image: its encoding in the PDF
/// (<c>dct</c>, <c>flate</c>, <c>ccitt</c>), its own size in pixels and the resolution that size gives on the page.
/// </summary>
public sealed record PdfPagePlan(int Number, PdfPageKind Kind, string Reason, string? Encoding = null, int Width = 0, int Height = 0, double Dpi = 0)
{
    /// <summary>How PdfPig opened the file the page is in.</summary>
    public PdfParsing Parsing { get; init; }

    /// <summary>The kind as the JSON names it: <c>text-layer</c>, <c>embedded-image</c>, <c>rendered</c>.</summary>
    public string KindName => Kind switch
    {
        PdfPageKind.TextLayer => "text-layer",
        PdfPageKind.EmbeddedImage => "embedded-image",
        _ => "rendered",
    };
}
