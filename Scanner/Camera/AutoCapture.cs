namespace Intake.Scanner.Camera;

/// <summary>
/// Decides when to take the picture, so the citizen never presses a button: once frames pass the gate,
/// it watches up to <see cref="CaptureGateSettings.BestOfFrames"/> of them in a row and keeps the
/// sharpest (a run cut short by movement or glare is decided with what it had). After a capture it waits
/// until the document has left the view for <see cref="CaptureGateSettings.StableFrames"/> frames before
/// capturing again, so one card held under the camera gives exactly one capture.
/// Frames are borrowed; the capture holds its own reference to the pixels it keeps.
/// </summary>
public sealed class AutoCapture : IDisposable
{
    private readonly CaptureGateSettings _settings;
    private CameraCapture? _best;
    private int _run;
    private bool _waitingForRemoval;
    private int _absentFrames;

    public AutoCapture(CaptureGateSettings? settings = null) => _settings = settings ?? new CaptureGateSettings();

    /// <summary>Looks at the next frame; returns a capture (the caller's to dispose) when one is decided.</summary>
    public CameraCapture? Offer(CameraFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var assessment = frame.Assessment;
        if (_waitingForRemoval)
        {
            _absentFrames = assessment.Problem == CaptureProblem.NoDocument ? _absentFrames + 1 : 0;
            if (_absentFrames >= _settings.StableFrames) _waitingForRemoval = false;
            return null;
        }
        if (!assessment.IsAcceptable || frame.Document is null || assessment.Quad is null || assessment.Quality is not { } quality)
            return Finish();
        _run++;
        if (_best is null || quality.Sharpness > _best.Quality.Sharpness)
        {
            _best?.Dispose();
            // A second handle on the same pixels: the frame can be disposed while the capture lives on.
            var kept = frame.Document.WithDpi(frame.Document.DpiX, frame.Document.DpiY);
            _best = new CameraCapture(kept, frame.Number, assessment.Quad, quality);
        }
        return _run >= _settings.BestOfFrames ? Finish() : null;
    }

    /// <summary>Decides a run in progress now (the stream ended, or the run was broken); null when there was none.</summary>
    public CameraCapture? Finish()
    {
        var best = _best;
        _best = null;
        _run = 0;
        if (best is not null)
        {
            _waitingForRemoval = true;
            _absentFrames = 0;
        }
        return best;
    }

    public void Dispose()
    {
        _best?.Dispose();
        _best = null;
    }
}
