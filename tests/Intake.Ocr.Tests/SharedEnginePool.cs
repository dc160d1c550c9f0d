using Intake.Ocr;

namespace Intake.Ocr.Tests;

/// <summary>One engine pool for the whole test class: loading models once per process is the point of the pool.</summary>
public sealed class SharedEnginePool : IDisposable
{
    public OcrEnginePool Pool { get; } = new(new OcrOptions());

    public void Dispose() => Pool.Dispose();
}
