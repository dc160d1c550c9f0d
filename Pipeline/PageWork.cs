using Intake.Imaging;
using Intake.Pages;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>One page waiting to be read: who asked for it, its 0-based number, and how to decode it (called once, on the pipeline's decoding thread).</summary>
public sealed record PageWork(object Owner, int Page, Func<Image> Decode)
{
    /// <summary>
    /// The page's own text in the decoded picture's pixels, for a PDF page that already has a text layer (born digital,
    /// or OCR'd before): the page then skips cleanup and recognition and keeps this text, as OCRmyPDF's --skip-text does.
    /// Called once with the decoded picture, on a reading thread.
    /// </summary>
    public Func<Image, PageText>? TextLayer { get; init; }
}
