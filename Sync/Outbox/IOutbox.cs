namespace Intake.Sync.Outbox;

/// <summary>
/// The seam between the kiosk's store (which keeps the outbox, <c>Sync/Store</c>) and the uploader that empties it
/// (<c>Sync/Upload</c>). The store implements it; the uploader only reads entries and reports what happened.
/// </summary>
public interface IOutbox
{
    /// <summary>Entries not yet acknowledged by the central service, oldest first, at most <paramref name="max"/>.</summary>
    IReadOnlyList<OutboxEntry> Pending(int max);

    /// <summary>
    /// The dossier as it must arrive at the centre: its JSON (UTF-8, NFC) and every blob it references, decrypted.
    /// Throws <see cref="KeyNotFoundException"/> when the dossier is not (or no longer) in the store.
    /// </summary>
    DeliveryPackage Open(string dossierId);

    /// <summary>Counts one failed attempt and keeps its reason (no personal data in <paramref name="reason"/>).</summary>
    void RecordFailure(string dossierId, string reason);

    /// <summary>Marks the entry acknowledged with the central receipt; retention acts on it from then on.</summary>
    void Acknowledge(string dossierId, string receipt);
}

/// <summary>One dossier waiting for delivery. Times are UTC.</summary>
public sealed record OutboxEntry(
    string DossierId, string DossierCode, DateTimeOffset EnqueuedAt, int Attempts, string? LastError);

/// <summary>A dossier ready to send: <paramref name="DossierJson"/> is the UTF-8 bytes of <c>dossier.json</c>.</summary>
public sealed record DeliveryPackage(string DossierId, string DossierCode, byte[] DossierJson, IReadOnlyList<DeliveryBlob> Blobs);

/// <summary>
/// One file of a dossier (page image, per-document PDF, <c>dossier.pdf</c>): <paramref name="Sha256"/> is the lowercase hex
/// SHA-256 of the plaintext, <paramref name="Length"/> its size in bytes, <paramref name="OpenRead"/> a fresh readable
/// stream of the plaintext from its first byte.
/// </summary>
public sealed record DeliveryBlob(string Name, string Sha256, long Length, Func<Stream> OpenRead);
