using Intake.Imaging;
using Intake.Imaging.Cleanup;

namespace Intake.Scanner.Camera;

/// <summary>The document kept from a camera stream, flattened; which frame it came from and how good it was. Owned by the receiver.</summary>
public sealed record CameraCapture(Image Document, int FrameNumber, PageQuad Quad, CaptureQualityReport Quality) : IDisposable
{
    public void Dispose() => Document.Dispose();
}
