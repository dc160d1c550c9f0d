namespace Intake.Sync.Store;

/// <summary>
/// Where and how the kiosk's store lives. <paramref name="DataDirectory"/>: the folder holding <c>intake.db</c>,
/// <c>blobs/</c> and <c>store.lock</c> (see <see cref="DataDirectoryResolver"/>).
/// </summary>
public sealed record StoreOptions(string DataDirectory)
{
    /// <summary>The key file; default <c>&lt;data&gt;/store.key</c>. Keep it on another medium where one exists (docs/operations.md).</summary>
    public string? KeyFile { get; init; }

    /// <summary>How long personal data stays after the central acknowledgement (issue 11: 7 days).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Free bytes to keep; null: 1 GiB, or 5 % of the filesystem when that is smaller (so a small disk stays usable).</summary>
    public long? ReserveBytes { get; init; }

    /// <summary>How long to wait for another process to release the store before <see cref="StoreInUseException"/>.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.Zero;

    /// <summary>The clock for commit, acknowledgement and purge times.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The state file of the code counter that came before the store (<c>dossier-codes.json</c> of
    /// <see cref="Intake.Dossiers.DossierCodeSequence"/>): the first code the store issues for a kiosk and day follows
    /// the last one that file issued, so the upgrade day does not repeat a code. Null: none.
    /// </summary>
    public string? LegacySequenceFile { get; init; }

    /// <summary>False only in bench/store, to measure what the fsync of LiteDB's files after each commit costs.</summary>
    internal bool SyncCommits { get; init; } = true;

    /// <summary>
    /// Test double for a full disk where no size-limited filesystem can be mounted: opens the stream each sealed file
    /// is written to. Null (always, outside StoreFullDiskTests): a real FileStream.
    /// </summary>
    internal Func<string, FileStreamOptions, Stream>? BlobWriterDouble { get; init; }

    public string KeyPath => KeyFile ?? Path.Combine(DataDirectory, StoreKey.DefaultFileName);
}
