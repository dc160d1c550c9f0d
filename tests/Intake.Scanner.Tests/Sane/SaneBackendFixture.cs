namespace Intake.Scanner.Tests.Sane;

public sealed class SaneBackendFixture
{
    public SaneBackendFixture() => SaneTestBackend.Ensure();
}
