using Intake.Ocr;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>What the pipeline produces for each page beyond its text.</summary>
public sealed record PagePipelineOptions(OcrOutputs Outputs, bool KeepCleanImages);
