using Intake.Imaging;
using Intake.Pages;
using Intake.Scanner.Replay;

namespace Intake.Kiosk.Host.Processing;

/// <summary>One physical page of the inputs, in order: where it came from and how to decode it when its turn comes.</summary>
internal sealed record InputPage(string Source, int PageInSource, Func<Image> Decode)
{
    /// <summary>For a PDF page with a text layer: its text in the decoded picture's pixels (<see cref="Intake.Pipeline.PageWork.TextLayer"/>).</summary>
    public Func<Image, PageText>? TextLayer { get; init; }

    /// <summary>For a PDF page: how it is taken (read after decoding, which may change an embedded image to a drawn page).</summary>
    public Func<PdfPagePlan>? Pdf { get; init; }
}
