namespace Intake.Scanner.Tests.Camera;

/// <summary>
/// The story the synthetic recordings tell: a citizen brings a card under the camera (moving and turning
/// it), holds it still but out of focus, then under a lamp's glare, then sharp and clear, and leaves it there.
/// </summary>
internal static class CardUnderCamera
{
    /// <summary>Where the card is finally held: turned a little and tilted away from the camera.</summary>
    public static readonly CardPose Held = new(330, 250, 420, 4, 0.06);

    public const int MovingFrames = 8;
    public const int BlurredFrames = 4;
    public const int GlareFrames = 4;

    /// <summary>The first frame (0-based) where the held card is in focus and free of glare.</summary>
    public const int FirstClearFrame = MovingFrames + BlurredFrames + GlareFrames;

    public static IReadOnlyList<SyntheticFrame> Story(int clearFrames = 12)
    {
        var frames = new List<SyntheticFrame>();
        for (var i = 0; i < MovingFrames; i++)
            frames.Add(new SyntheticFrame(new CardPose(240 + i * 15, 300 - i * 8, 360 + i * 8, -18 + i * 3, 0.15 - i * 0.01)));
        for (var i = 0; i < BlurredFrames; i++) frames.Add(new SyntheticFrame(Held, BlurRadius: 3));
        for (var i = 0; i < GlareFrames; i++) frames.Add(new SyntheticFrame(Held, Glare: true));
        // The first clear frame is a touch soft (still good enough): the capture should prefer a sharper one.
        for (var i = 0; i < clearFrames; i++) frames.Add(new SyntheticFrame(Held, BlurRadius: i == 0 ? 1 : 0));
        return frames;
    }

    /// <summary>The card held still the whole time but never in focus.</summary>
    public static IReadOnlyList<SyntheticFrame> NeverSharp() => Enumerable.Repeat(new SyntheticFrame(Held, BlurRadius: 3), 10).ToList();
}
