using Intake.Ocr.Orientation;

namespace Intake.Ocr.Tests.Orientation;

/// <summary>One reading pool and one detector for the whole class: models load once per process.</summary>
public sealed class SharedOrientationDetector : IDisposable
{
    public SharedOrientationDetector() => Detector = new OrientationDetector(Readers);

    public OcrEnginePool Readers { get; } = new(new OcrOptions());

    public OrientationDetector Detector { get; }

    public void Dispose()
    {
        Detector.Dispose();
        Readers.Dispose();
    }
}
