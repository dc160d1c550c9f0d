namespace Intake.Scanner.Camera;

/// <summary>Why a camera frame is not good enough to keep, in the order the citizen should fix them.</summary>
public enum CaptureProblem
{
    None,
    NoDocument,
    TooSmall,
    Blurred,
    Glare,
    Moving,
}
