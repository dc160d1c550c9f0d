using Intake.Ocr;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>What the pipeline produces for each page beyond its text.</summary>
public sealed record PagePipelineOptions(OcrOutputs Outputs, bool KeepCleanImages)
{
    /// <summary>Told, on a reading worker, when a cleaned page's recognition starts (the citizen screen's live progress).</summary>
    public Action<PageWork>? ReadingStarted { get; init; }
}
