namespace Intake.Sync.Store;

/// <summary>
/// What the store says about one dossier version without decrypting anything: no personal data. Times are UTC.
/// <paramref name="OutboxState"/>: pending, acknowledged, or purged (retention erased its personal data).
/// </summary>
public sealed record StoredDossier(
    string Id, string Code, int Version, string? ProcedureCode, IReadOnlyList<string> DocumentTypes, int PageCount,
    DateTimeOffset CreatedAt, DateTimeOffset CommittedAt, IReadOnlyList<StoredBlob> Blobs, string OutboxState);

/// <summary>One file of a dossier: its package name, the SHA-256 (lowercase hex) and length of its plaintext.</summary>
public sealed record StoredBlob(string Name, string Sha256, long Length);

/// <summary>
/// What the last start did: migrations run, files collected, dossiers purged, a recovery line if one was needed, and
/// the start-up integrity pass's problems (every referenced file present with its sealed length; the full hash check is
/// <see cref="DossierStore.Check"/>, `intake store check`).
/// </summary>
public sealed record StoreOpening(int SchemaFrom, int SchemaTo, int GarbageFilesRemoved, int Purged, string? Recovery, IReadOnlyList<string> Problems);

/// <summary>The integrity pass: every problem found, one line each (no personal data); empty when all is well.</summary>
public sealed record StoreCheckReport(int Dossiers, int Blobs, IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}
