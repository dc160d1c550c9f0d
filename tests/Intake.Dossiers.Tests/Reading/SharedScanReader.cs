using Intake.Dossiers.Reading;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>One scan reader (engines loaded once) for every test class that reads images.</summary>
public sealed class SharedScanReader : IDisposable
{
    public ScanReader Reader { get; } = new(new ScanReaderOptions());

    public void Dispose() => Reader.Dispose();
}
