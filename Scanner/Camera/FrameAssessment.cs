using Intake.Imaging.Cleanup;

namespace Intake.Scanner.Camera;

/// <summary>
/// What the gate saw in one frame: the document's corners (null when none was found), the quality of
/// the flattened document, its share of the frame, for how many frames in a row its corners have
/// stayed put (this one included), and the first problem, if any, that keeps the frame from being kept.
/// </summary>
public sealed record FrameAssessment(PageQuad? Quad, CaptureQualityReport? Quality, double Coverage, int StableFrames, CaptureProblem Problem)
{
    public bool IsAcceptable => Problem == CaptureProblem.None;

    /// <summary>The line the preview shows.</summary>
    public string Hint => CaptureProblemText.Describe(Problem);
}
