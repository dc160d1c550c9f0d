namespace Intake.Scanner.Camera;

/// <summary>The camera cannot be opened or gave no usable picture. The message is for the person at the kiosk: Vietnamese first, then English.</summary>
public sealed class CameraException : Exception
{
    public CameraException()
        : this("Không chụp được giấy tờ / no document was captured")
    {
    }

    public CameraException(string message)
        : base(message)
    {
    }

    public CameraException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static CameraException CannotOpen(string devicePath, Exception inner) => new(
        $"Không mở được máy ảnh, hãy kiểm tra cáp / the camera cannot be opened, check its cable ({devicePath})", inner);

    public static CameraException NothingUsable(string feed, CaptureProblem lastProblem) => new(
        $"Không chụp được ảnh giấy tờ rõ nét / no sharp, steady document was seen ({feed}; {CaptureProblemText.Describe(lastProblem)})");

    public static CameraException TimedOut(string feed, TimeSpan after, CaptureProblem lastProblem, Exception inner) => new(
        $"Hết thời gian chờ chụp ảnh / gave up waiting for a usable picture after {after.TotalSeconds:0} s ({feed}; {CaptureProblemText.Describe(lastProblem)})",
        inner);
}
