namespace Intake.Scanner.Camera;

/// <summary>A /dev/video* node as probed: whether it opened as a capture device, its default frame size, or why not.</summary>
public sealed record CameraDeviceInfo(string Path, bool Usable, int Width, int Height, string Backend, string? Problem);
