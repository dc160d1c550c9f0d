using System.Text;
using FluentAssertions;
using Intake.Bench.StoreDriver;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Sync.Tests.Store;

/// <summary>A commit keeps the package byte for byte, takes the next code in the same transaction, and feeds the outbox.</summary>
public sealed class StoreCommitTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    [Fact]
    public void A_committed_dossier_opens_with_the_same_json_and_files()
    {
        var commit = StoreFolder.Small.Build(new DossierCode("K01", StoreFolder.Day, 1), seed: 5);
        using (var store = _folder.Open())
        {
            store.Commit("K01", StoreFolder.Day, code => commit).Code.Should().Be("K01-261129-0001");
        }

        using var reopened = _folder.Open();
        var stored = reopened.List().Should().ContainSingle().Subject;
        var package = reopened.Open(stored.Id);
        package.DossierJson.Should().Equal(commit.Package.Json);
        var expected = commit.Package.Files.Where(f => f.Name != DossierPackageWriter.JsonName).Concat(commit.PageImages).ToArray();
        package.Blobs.Select(b => b.Name).Should().Equal(expected.Select(f => f.Name));
        foreach (var (blob, file) in package.Blobs.Zip(expected))
        {
            using var stream = blob.OpenRead();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.ToArray().Should().Equal(file.Bytes);
            blob.Length.Should().Be(file.Bytes.Length);
        }
    }

    [Fact]
    public void Codes_follow_on_and_a_failed_build_uses_none()
    {
        using var store = _folder.Open();
        StoreFolder.CommitSynthetic(store).Code.Should().Be("K01-261129-0001");
        var failing = () => store.Commit("K01", StoreFolder.Day, _ => throw new InvalidDataException("unreadable page"));
        failing.Should().Throw<InvalidDataException>();
        StoreFolder.CommitSynthetic(store).Code.Should().Be("K01-261129-0002");
        StoreFolder.CommitSynthetic(store, kiosk: "K02").Code.Should().Be("K02-261129-0001");
        store.List().Should().HaveCount(3);
    }

    [Fact]
    public void The_first_code_of_a_day_follows_the_counter_that_came_before_the_store()
    {
        var legacy = Path.Combine(_folder.Path, "dossier-codes.json");
        File.WriteAllText(legacy, "{\"version\": 1, \"kiosks\": {\"K01\": {\"2026-11-29\": 17}}}");
        using var store = DossierStore.Open(_folder.Options with { LegacySequenceFile = legacy });
        StoreFolder.CommitSynthetic(store).Code.Should().Be("K01-261129-0018");
        StoreFolder.CommitSynthetic(store).Code.Should().Be("K01-261129-0019");
        StoreFolder.CommitSynthetic(store, kiosk: "K02").Code.Should().Be("K02-261129-0001");
    }

    [Fact]
    public void A_correction_is_a_new_version_and_goes_back_to_the_outbox()
    {
        using var store = _folder.Open();
        var first = StoreFolder.CommitSynthetic(store);
        store.Acknowledge(first.Id, "receipt-1");
        store.Pending(10).Should().BeEmpty();

        var original = StoreFolder.Small.Build(DossierCode.Parse(first.Code));
        var dossier = original.Package.Dossier with { Id = Guid.Parse(first.Id) };
        var corrected = dossier.WithCorrection(FieldNames.FullName, "NGUYỄN THỊ HƯƠNG GIANG", "Trần Văn Bình", DateTimeOffset.Now, "sai tên");
        var json = DossierJson.Write(corrected, [null]);
        var next = store.CommitVersion(new DossierCommit(new DossierPackage(corrected, [new PackageFile(DossierPackageWriter.JsonName, json)]), []));

        next.Version.Should().Be(2);
        store.List().Should().ContainSingle().Which.Version.Should().Be(2);
        Encoding.UTF8.GetString(store.Open(first.Id).DossierJson).Should().Contain("HƯƠNG GIANG").And.Contain("Trần Văn Bình");
        store.Pending(10).Should().ContainSingle().Which.DossierCode.Should().Be(first.Code);
    }

    [Fact]
    public void The_outbox_counts_failures_and_forgets_acknowledged_entries()
    {
        using var store = _folder.Open();
        var first = StoreFolder.CommitSynthetic(store);
        var second = StoreFolder.CommitSynthetic(store);
        store.RecordFailure(first.Id, "timeout");
        store.RecordFailure(first.Id, "HTTP 503");

        var pending = store.Pending(10);
        pending.Select(p => p.DossierCode).Should().Equal(first.Code, second.Code);
        pending[0].Attempts.Should().Be(2);
        pending[0].LastError.Should().Be("HTTP 503");
        store.Pending(1).Should().ContainSingle();

        store.Acknowledge(first.Id, "receipt-1");
        store.Pending(10).Should().ContainSingle().Which.DossierId.Should().Be(second.Id);
        var missing = () => store.Open(Guid.NewGuid().ToString());
        missing.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Export_writes_the_decrypted_package()
    {
        using var store = _folder.Open();
        var stored = StoreFolder.CommitSynthetic(store);
        var target = Path.Combine(_folder.Path, "export");
        store.Export(stored.Code, target);
        File.ReadAllBytes(Path.Combine(target, "dossier.json")).Should().Equal(store.ReadJson(stored.Code));
        Directory.GetFiles(target).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["dossier.json", "dossier.pdf", "page-001.jpg", "page-002.jpg", "page-003.jpg", "page-004.jpg"]);
    }

    public void Dispose() => _folder.Dispose();
}
