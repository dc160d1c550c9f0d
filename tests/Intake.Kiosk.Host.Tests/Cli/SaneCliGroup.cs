using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>SANE state is process-wide, so the CLI tests that reach it run in this one collection, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SaneCliGroup : ICollectionFixture<SaneBackendFixture>
{
    public const string Name = "sane-cli";
}
