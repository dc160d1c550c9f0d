using FluentAssertions;
using Intake.Sync.Store;
using LiteDB;
using Xunit;

namespace Intake.Sync.Tests.Store;

/// <summary>Migrations are versioned code: a file at every older version reaches the current one; a newer file is refused.</summary>
public sealed class StoreSchemaTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public static TheoryData<int> OlderVersions()
    {
        var versions = new TheoryData<int>();
        for (var v = 0; v < StoreSchema.Current; v++) versions.Add(v);
        return versions;
    }

    [Theory]
    [MemberData(nameof(OlderVersions))]
    public void A_store_at_an_older_version_is_migrated_once(int version)
    {
        using (var store = _folder.Open()) StoreFolder.CommitSynthetic(store);
        using (var db = DossierStore.OpenDatabase(Path.Combine(_folder.Path, DossierStore.DatabaseFileName)))
        {
            foreach (var collection in new[] { StoreSchema.Dossiers, StoreSchema.Outbox, StoreSchema.Events })
            {
                foreach (var index in db.GetCollection("$indexes").Find(Query.EQ("collection", collection)).Select(i => i["name"].AsString).Where(n => n != "_id").ToArray())
                    db.GetCollection(collection).DropIndex(index);
            }

            db.GetCollection(StoreSchema.Meta).Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = version });
            if (version > 0) StoreSchema.Migrate(db, version);
        }

        using var reopened = _folder.Open();
        reopened.Opening.SchemaFrom.Should().Be(version);
        reopened.Opening.SchemaTo.Should().Be(StoreSchema.Current);
        reopened.List().Should().ContainSingle();
        reopened.Dispose();
        using var again = _folder.Open();
        again.Opening.SchemaFrom.Should().Be(StoreSchema.Current, "a migration runs once");
    }

    [Fact]
    public void A_store_from_a_newer_intake_is_refused()
    {
        using (var store = _folder.Open()) StoreFolder.CommitSynthetic(store);
        using (var db = DossierStore.OpenDatabase(Path.Combine(_folder.Path, DossierStore.DatabaseFileName)))
            db.GetCollection(StoreSchema.Meta).Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = StoreSchema.Current + 1 });

        var open = () => _folder.Open();
        open.Should().Throw<StoreException>().WithMessage("*newer than this program*");
    }

    public void Dispose() => _folder.Dispose();
}
