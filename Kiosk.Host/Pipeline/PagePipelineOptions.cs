using Intake.Ocr;

namespace Intake.Kiosk.Host.Pipeline;

/// <summary>What the pipeline produces for each page beyond its text.</summary>
internal sealed record PagePipelineOptions(OcrOutputs Outputs, bool KeepCleanImages);
