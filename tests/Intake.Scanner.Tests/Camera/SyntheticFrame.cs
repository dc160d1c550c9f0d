namespace Intake.Scanner.Tests.Camera;

/// <summary>One frame of a synthetic recording: the card's pose (null: an empty desk), how blurred it is (box-blur radius, 0 sharp), and whether a lamp glares on it.</summary>
internal sealed record SyntheticFrame(CardPose? Pose, int BlurRadius = 0, bool Glare = false);
