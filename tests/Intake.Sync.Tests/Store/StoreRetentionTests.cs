using FluentAssertions;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Sync.Tests.Store;

/// <summary>
/// Issue 11, retention: acknowledged plus the retention period, personal data goes (versions, files); a tombstone with
/// the code and file hashes stays. Unacknowledged dossiers and those inside the period are untouched.
/// </summary>
public sealed class StoreRetentionTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Acknowledged_dossiers_are_purged_after_the_period_and_leave_a_tombstone()
    {
        var options = _folder.Options with { Clock = _clock, Retention = TimeSpan.FromDays(7) };
        StoredDossier delivered, waiting;
        using (var store = DossierStore.Open(options))
        {
            delivered = StoreFolder.CommitSynthetic(store, seed: 1);
            waiting = StoreFolder.CommitSynthetic(store, seed: 2);
            store.Acknowledge(delivered.Id, "central-42");
            _clock.Now += TimeSpan.FromDays(6);
            store.PurgeExpired().Should().Be(0, "six days after the acknowledgement is inside the period");
        }

        _clock.Now += TimeSpan.FromDays(1.5);
        using var reopened = DossierStore.Open(options);
        reopened.Opening.Purged.Should().Be(1, "the purge runs at start");
        var listed = reopened.List();
        var tombstone = listed.Single(d => d.Id == delivered.Id);
        tombstone.OutboxState.Should().Be(OutboxStates.Purged);
        tombstone.Code.Should().Be(delivered.Code);
        tombstone.Blobs.Select(b => b.Sha256).Should().BeEquivalentTo(delivered.Blobs.Select(b => b.Sha256));
        foreach (var blob in delivered.Blobs)
            File.Exists(Path.Combine(_folder.Path, "blobs", blob.Sha256)).Should().BeFalse();
        var open = () => reopened.Open(delivered.Id);
        open.Should().Throw<KeyNotFoundException>();
        var export = () => reopened.ReadJson(delivered.Code);
        export.Should().Throw<KeyNotFoundException>().WithMessage("*purged*");

        listed.Single(d => d.Id == waiting.Id).OutboxState.Should().Be(OutboxStates.Pending);
        reopened.Open(waiting.Id).DossierJson.Should().NotBeEmpty();
        reopened.Check().Healthy.Should().BeTrue();
    }

    public void Dispose() => _folder.Dispose();
}
