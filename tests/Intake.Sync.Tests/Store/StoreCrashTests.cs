using FluentAssertions;
using Intake.Bench.StoreDriver;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Sync.Tests.Store;

/// <summary>
/// Issue 11, crash: a child commits in a loop and is SIGKILLed at random moments, 20 times, restarted each time.
/// Every commit that returned is there byte for byte, nothing is half there, the store opens without repair, and no
/// code is issued twice. (bench/store-crash runs the same with 200 kills.)
/// </summary>
public sealed class StoreCrashTests(ITestOutputHelper log) : IDisposable
{
    private readonly StoreFolder _folder = new();

    [Fact]
    public void Twenty_kills_lose_nothing_that_returned()
    {
        using var writer = new StringWriter();
        var result = CrashRun.Run(Driver.Dll, _folder.Path, kills: 20, pageBytes: 64 << 10, seed: 11, writer);
        log.WriteLine(writer.ToString());
        log.WriteLine($"committed {result.Committed}, in store {result.InStore}, lost {result.Lost}, partial {result.Partial}, repeated {result.RepeatedCodes}");

        result.Committed.Should().BeGreaterThan(20, "every run commits at least once before it is killed");
        result.InStore.Should().BeGreaterThanOrEqualTo(result.Committed);
        result.Lost.Should().Be(0);
        result.Partial.Should().Be(0, string.Join("\n", result.Problems));
        result.RepeatedCodes.Should().Be(0);
    }

    public void Dispose() => _folder.Dispose();
}
