using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>Flags blank pages (the backs of duplex scans) by the ink they carry, ignoring dust, borders and shadows.</summary>
public sealed class BlankPageDetector(double blankBelow = 0.05)
{
    /// <summary>Scores below this are blank; one short line of text scores about 0.1, a typed page above 0.5.</summary>
    public double BlankBelow { get; } = blankBelow;

    public BlankPageVerdict Judge(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        NativeStatus.Check(ImagingNative.BlankScore(page.Handle, out var score));
        return new BlankPageVerdict(score, score < BlankBelow);
    }
}
