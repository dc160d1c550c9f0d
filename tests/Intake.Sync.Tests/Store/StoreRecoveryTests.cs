using FluentAssertions;
using Intake.Sync.Store;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Sync.Tests.Store;

/// <summary>
/// Issue 11, start-up check and recovery: a data file overwritten in the middle is moved aside with a timestamp and
/// rebuilt, with one line saying what came back; a referenced file missing or altered is a problem of the integrity
/// pass (the missing one already at start); a file nobody references is collected at start.
/// </summary>
public sealed class StoreRecoveryTests(ITestOutputHelper log) : IDisposable
{
    private readonly StoreFolder _folder = new();

    [Fact]
    public void A_data_file_overwritten_in_the_middle_is_moved_aside_and_rebuilt_with_one_line()
    {
        using (var store = _folder.Open())
        {
            for (var i = 0; i < 40; i++) StoreFolder.CommitSynthetic(store, seed: i);
        }

        var database = Path.Combine(_folder.Path, DossierStore.DatabaseFileName);
        var length = new FileInfo(database).Length;
        using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
        {
            file.Position = length / 2;
            file.Write(Enumerable.Repeat((byte)0xA5, 16384).ToArray());
        }

        using var reopened = _folder.Open();
        log.WriteLine(reopened.Opening.Recovery ?? "(no recovery)");
        reopened.Opening.Recovery.Should().NotBeNull().And.Contain("recovered").And.Contain("damaged file kept at");
        Directory.GetFiles(_folder.Path, "intake.db.corrupt-*").Should().NotBeEmpty();
        var recovered = reopened.List();
        recovered.Should().NotBeEmpty();
        recovered.Select(d => d.Code).Should().OnlyHaveUniqueItems();
        reopened.Check().Problems.Should().BeEmpty("what was recovered is whole");
        StoreFolder.CommitSynthetic(reopened).Code.Should().Be("K01-261129-0041", "a code is never issued twice, even after a recovery");
    }

    [Fact]
    public void A_missing_or_altered_file_is_reported_by_the_integrity_pass()
    {
        StoredDossier first, second;
        using (var store = _folder.Open())
        {
            first = StoreFolder.CommitSynthetic(store, seed: 1);
            second = StoreFolder.CommitSynthetic(store, seed: 2);
            store.Check().Healthy.Should().BeTrue();
        }

        File.Delete(Path.Combine(_folder.Path, "blobs", first.Blobs[0].Sha256));
        var altered = Path.Combine(_folder.Path, "blobs", second.Blobs[1].Sha256);
        var bytes = File.ReadAllBytes(altered);
        bytes[^1] ^= 1;
        File.WriteAllBytes(altered, bytes);

        using var reopened = _folder.Open();
        reopened.Opening.Problems.Should().ContainSingle("the start-up check sees the missing file; the altered byte needs the full pass")
            .Which.Should().Contain("missing file").And.Contain(first.Blobs[0].Sha256);
        var report = reopened.Check();
        report.Healthy.Should().BeFalse();
        report.Problems.Should().HaveCount(2);
        report.Problems.Should().Contain(p => p.Contains(first.Code) && p.Contains("missing file") && p.Contains(first.Blobs[0].Sha256));
        report.Problems.Should().Contain(p => p.Contains(second.Code) && p.Contains("damaged file"));
    }

    [Fact]
    public void Files_nobody_references_are_collected_at_start()
    {
        using (var store = _folder.Open()) StoreFolder.CommitSynthetic(store);
        var stray = Path.Combine(_folder.Path, "blobs", new string('a', 64));
        var partial = Path.Combine(_folder.Path, "blobs", new string('b', 64) + ".0123.part");
        File.WriteAllText(stray, "left by a crash before the commit");
        File.WriteAllText(partial, "half written");

        using var reopened = _folder.Open();
        reopened.Opening.GarbageFilesRemoved.Should().Be(2);
        File.Exists(stray).Should().BeFalse();
        File.Exists(partial).Should().BeFalse();
        reopened.Check().Healthy.Should().BeTrue();
    }

    public void Dispose() => _folder.Dispose();
}
