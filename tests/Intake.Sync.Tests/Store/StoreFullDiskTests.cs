using System.Diagnostics;
using FluentAssertions;
using Intake.Bench.StoreDriver;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Sync.Tests.Store;

/// <summary>
/// Issue 11, full disk, on a real size-limited filesystem (a 40 MiB tmpfs mounted by the test; it needs root, which
/// ./intake test has): below the reserve, new intake is refused with the Vietnamese and English message; a commit that
/// hits ENOSPC midway leaves no partial dossier; every dossier committed before stays complete, and the next start
/// reports nothing corrupt.
/// </summary>
public sealed class StoreFullDiskTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly string _mount;

    public StoreFullDiskTests()
    {
        _mount = Path.Combine(_folder.Path, "small");
        Directory.CreateDirectory(_mount);
        Run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", _mount).Should().Be(0, "the full-disk test mounts a 40 MiB tmpfs (root needed)");
    }

    [Fact]
    public void Below_the_reserve_intake_is_refused_and_a_failed_write_leaves_nothing()
    {
        var data = Path.Combine(_mount, "data");
        var big = SyntheticDossier.Default with { PageBytes = 2 << 20 };
        var committed = new List<StoredDossier>();
        using (var store = DossierStore.Open(new StoreOptions(data) { ReserveBytes = 0 }))
        {
            Exception? failure = null;
            for (var i = 0; i < 20 && failure is null; i++)
            {
                try
                {
                    committed.Add(StoreFolder.CommitSynthetic(store, big, seed: i));
                }
                catch (IOException e)
                {
                    failure = e;
                }
            }

            failure.Should().NotBeNull("40 MiB cannot hold twenty 8 MiB dossiers");
            committed.Should().NotBeEmpty();
        }

        // the next start: everything committed before is complete, nothing is half there, garbage is collected
        using (var reopened = DossierStore.Open(new StoreOptions(data) { ReserveBytes = 0 }))
        {
            reopened.Opening.Recovery.Should().BeNull();
            reopened.List().Select(d => d.Code).Should().Equal(committed.Select(d => d.Code));
            reopened.Check().Problems.Should().BeEmpty();
        }

        // with the default reserve (5 % of 40 MiB is smaller than 1 GiB: 2 MiB) or a larger one: refused before writing
        using var guarded = DossierStore.Open(new StoreOptions(data) { ReserveBytes = 30L << 20 });
        var refused = () => StoreFolder.CommitSynthetic(guarded, big, seed: 99);
        refused.Should().Throw<StoreFullException>().Which.Message.Should()
            .StartWith("bộ nhớ ki-ốt sắp đầy").And.Contain("new intake is refused");
        guarded.List().Should().HaveCount(committed.Count);
        guarded.Check().Healthy.Should().BeTrue();
    }

    public void Dispose()
    {
        Run("umount", "-l", _mount);
        _folder.Dispose();
    }

    private static int Run(string command, params string[] arguments)
    {
        using var process = Process.Start(Driver.StartInfo(command, arguments))!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
