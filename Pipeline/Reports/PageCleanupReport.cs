using Intake.Pages;
using Intake.Imaging;
using Intake.Imaging.Cleanup;

namespace Intake.Pipeline.Reports;

/// <summary>What cleanup did to a whole page before it was split into pieces: resolution, border crop (null when none), the size after it, and documents found on the glass (regions in the cropped page's pixels).</summary>
public sealed record PageCleanupReport(
    DpiReport Dpi,
    int Width,
    int Height,
    PixelRect? Crop,
    IReadOnlyList<FoundDocument> Documents,
    IReadOnlyList<StageTiming> Stages);
