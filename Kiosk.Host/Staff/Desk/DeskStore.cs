using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// The desk's reads and writes of the kiosk's store, one at a time (the store is one process's at a time and the
/// background delivery shares it; opening waits up to <see cref="StoreOptions.LockWait"/>). A correction is a new
/// version of the dossier (<see cref="Dossier.WithCorrection"/>): the field becomes source manual with confidence 1,
/// and the dossier's corrections (who, when, old value, new value) are the audit log, inside dossier.json, which the
/// store seals (AES-256-GCM) like every personal field; the new version keeps the same PDFs and page images.
/// </summary>
public sealed class DeskStore(StaffDeskOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public StaffDeskOptions Options => options;

    public void Dispose() => _gate.Dispose();

    /// <summary>Every dossier still holding its data, newest first, read back from its sealed dossier.json.</summary>
    public Task<IReadOnlyList<Dossier>> ListAsync(CancellationToken token) => WithStoreAsync<IReadOnlyList<Dossier>>(store =>
        [.. store.List().Where(d => d.OutboxState != OutboxStates.Purged).Reverse().Select(d => DossierJsonReader.Read(store.ReadJson(d.Code)).Dossier)], token);

    /// <exception cref="KeyNotFoundException">No such dossier, or purged.</exception>
    public Task<Dossier> ReadAsync(string code, CancellationToken token) =>
        WithStoreAsync(store => DossierJsonReader.Read(store.ReadJson(code)).Dossier, token);

    /// <summary>The scanned page image (JPEG) <paramref name="page"/> (1-based) of the dossier; null when it has no such page.</summary>
    public Task<byte[]?> PageImageAsync(string code, int page, CancellationToken token) => WithStoreAsync(store =>
    {
        var stored = store.Find(code) ?? throw new KeyNotFoundException(code);
        var blob = store.Open(stored.Id).Blobs.FirstOrDefault(b => b.Name == $"page-{page:D3}.jpg");
        if (blob is null) return null;
        using var stream = blob.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }, token);

    /// <summary>
    /// Sets one applicant field by hand and commits the next version. <paramref name="expectedVersion"/> is the version
    /// the reviewer saw: another change in between is refused rather than silently overwritten.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such dossier.</exception>
    /// <exception cref="DeskConflictException">The dossier changed since <paramref name="expectedVersion"/>.</exception>
    public Task<Dossier> CorrectAsync(string code, string field, string value, string reviewer, int expectedVersion, CancellationToken token) => WithStoreAsync(store =>
    {
        var stored = store.Find(code) ?? throw new KeyNotFoundException(code);
        var package = store.Open(stored.Id);
        var current = DossierJsonReader.Read(package.DossierJson);
        if (current.Dossier.Version != expectedVersion)
            throw new DeskConflictException($"Hồ sơ {code} vừa được sửa (phiên bản {current.Dossier.Version}); hãy tải lại / dossier {code} changed meanwhile (version {current.Dossier.Version}); reload it");
        var old = current.Dossier.Applicant.Get(field);
        var reason = old?.Value == value ? "xác nhận / confirmed" : "sửa / corrected";
        var corrected = current.Dossier.WithCorrection(field, value, reviewer, options.Store.Clock.GetLocalNow(), reason);
        var files = package.Blobs.Select(b =>
        {
            using var stream = b.OpenRead();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new PackageFile(b.Name, copy.ToArray());
        }).ToList();
        files.Add(new PackageFile(DossierPackageWriter.JsonName, DossierJson.Write(corrected, current.DocumentFiles, current.DossierFile)));
        store.CommitVersion(new DossierCommit(new DossierPackage(corrected, files), []));
        return corrected;
    }, token);

    /// <summary>Runs <paramref name="work"/> with the store open, one call at a time, off the request thread.</summary>
    public async Task<T> WithStoreAsync<T>(Func<DossierStore, T> work, CancellationToken token)
    {
        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            return await Task.Run(() =>
            {
                if (options.HeldStore is { } held) return work(held);
                using var store = DossierStore.Open(options.Store);
                return work(store);
            }, token).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Held while a scan's dossier is committed, so a review does not wait on the lock file.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<T> work, CancellationToken token)
    {
        await _gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            return await Task.Run(work, token).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The dossier changed since the reviewer loaded it (Vietnamese / English).</summary>
public sealed class DeskConflictException(string message) : Exception(message);
