using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>Scores camera frames so a blurred or glaring capture is retaken while the citizen is still there.</summary>
public static class CaptureQuality
{
    public static CaptureQualityReport Measure(Image frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        NativeStatus.Check(ImagingNative.Sharpness(frame.Handle, out var sharpness));
        NativeStatus.Check(ImagingNative.GlareFraction(frame.Handle, out var glare));
        return new CaptureQualityReport(sharpness, glare);
    }
}
