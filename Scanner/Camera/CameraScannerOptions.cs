namespace Intake.Scanner.Camera;

/// <summary>
/// How a <see cref="CameraScanner"/> captures. Timeout bounds how long a live camera waits for a
/// usable document before giving up (null: until cancelled). Preview, when set, sees every assessed
/// frame (borrowed: it must not keep the frame) so a screen can show the picture and the gate's hint.
/// </summary>
public sealed record CameraScannerOptions
{
    public CaptureGateSettings Gate { get; init; } = new();

    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public Action<CameraFrame>? Preview { get; init; }
}
