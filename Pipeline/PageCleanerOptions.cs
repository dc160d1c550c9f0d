using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// Choices of the cleanup stages. <see cref="ReadBinarised"/>: the engine reads the Sauvola-binarised
/// OCR copy instead of the straightened page itself (see docs/performance-cleanup.md for the measurement
/// that set the default).
/// </summary>
public sealed record PageCleanerOptions
{
    public bool ReadBinarised { get; init; } = true;

    public bool FindDocuments { get; init; } = true;
}
