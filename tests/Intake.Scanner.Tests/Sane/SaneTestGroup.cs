using Intake.TestSupport;
namespace Intake.Scanner.Tests.Sane;

/// <summary>
/// SANE state is process-wide (one backend list, one set of test devices whose options persist until
/// sane_exit), so every test that touches it runs in this one collection, one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SaneTestGroup : ICollectionFixture<SaneBackendFixture>
{
    public const string Name = "sane";
}
