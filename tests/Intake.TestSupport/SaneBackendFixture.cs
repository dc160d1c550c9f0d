namespace Intake.TestSupport;

/// <summary>An xunit collection fixture that sets up <see cref="SaneTestBackend"/> before the collection's first test.</summary>
public sealed class SaneBackendFixture
{
    public SaneBackendFixture() => SaneTestBackend.Ensure();
}
