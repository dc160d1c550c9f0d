namespace Intake.Scanner.Camera;

/// <summary>
/// What a camera frame must show before it is kept. Sharpness and glare are measured on the document
/// itself (flattened), not on the desk around it. Coverage is the document's share of the frame.
/// Corners are stable when none moved more than <see cref="MaxCornerDrift"/> (a fraction of the frame's
/// diagonal) since the previous frame, for <see cref="StableFrames"/> frames in a row.
/// </summary>
public sealed record CaptureGateSettings
{
    public double MinQuadConfidence { get; init; } = 0.5;

    public double MinCoverage { get; init; } = 0.15;

    public double MinSharpness { get; init; } = 0.5;

    public double MaxGlareFraction { get; init; } = 0.005;

    public double MaxCornerDrift { get; init; } = 0.01;

    public int StableFrames { get; init; } = 3;

    /// <summary>Acceptable frames in a row looked at before the sharpest of them is kept.</summary>
    public int BestOfFrames { get; init; } = 3;
}
