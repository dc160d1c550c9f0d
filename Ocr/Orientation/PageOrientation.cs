using Intake.Imaging.Cleanup;

namespace Intake.Ocr.Orientation;

/// <summary>
/// The quarter turn that sets a page upright: <c>page.Rotate(Degrees)</c> (counter-clockwise on
/// screen, 0/90/180/270) makes its text read normally. <see cref="OsdDegrees"/> and
/// <see cref="OsdConfidence"/> are OSD's own answer (null when it found too little text);
/// <see cref="Candidates"/> lists the turns that were read when OSD was unsure; <see cref="Cues"/> is the cheap
/// evidence looked at first (null when the detector was told not to trust it).
/// </summary>
public sealed record PageOrientation(
    int Degrees,
    OrientationMethod Method,
    int? OsdDegrees,
    double? OsdConfidence,
    IReadOnlyList<OrientationCandidate> Candidates)
{
    public OrientationCues? Cues { get; init; }

    public bool IsUpright => Degrees == 0;
}
