using Intake.Imaging;

namespace Intake.Scanner.Camera;

/// <summary>
/// One assessed camera frame, owned by whoever receives it. <see cref="Document"/> is the document cut
/// out of the frame and flattened (null when none was found). Number is 1-based in the feed; Elapsed is
/// since the loop started.
/// </summary>
public sealed record CameraFrame(Image Image, Image? Document, int Number, TimeSpan Elapsed, FrameAssessment Assessment) : IDisposable
{
    public void Dispose()
    {
        Document?.Dispose();
        Image.Dispose();
    }
}
