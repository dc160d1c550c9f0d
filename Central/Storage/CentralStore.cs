using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Intake.Central.Storage;

/// <summary>
/// Every query the centre runs, in SQL both PostgreSQL and SQLite accept. Secrets (enrolment and operator tokens) are
/// kept only as their SHA-256.
/// </summary>
public sealed class CentralStore(CentralDatabase database)
{
    static CentralStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public CentralDatabase Database => database;

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    // ---- enrolment ----

    /// <summary>A new one-time enrolment token valid for <paramref name="lifetime"/>; only its hash is stored.</summary>
    public async Task<string> CreateEnrolmentTokenAsync(TimeSpan lifetime)
    {
        var token = NewSecret();
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        var now = Now();
        await connection.ExecuteAsync("INSERT INTO enrolment_tokens (token_hash, created_at, expires_at) VALUES (@hash, @now, @expires)",
            new { hash = HashSecret(token), now, expires = now + (long)lifetime.TotalMilliseconds }).ConfigureAwait(false);
        return token;
    }

    /// <summary>Spends the token and records the kiosk in one transaction; null when the token is unknown, spent or expired.</summary>
    public async Task<string?> EnrollAsync(string token, string publicKey, string? name)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var kioskId = "K" + NewId()[..15].ToUpperInvariant();
        var now = Now();
        var spent = await connection.ExecuteAsync(
            "UPDATE enrolment_tokens SET used_by = @kioskId WHERE token_hash = @hash AND used_by IS NULL AND expires_at > @now",
            new { kioskId, hash = HashSecret(token), now }, transaction).ConfigureAwait(false);
        if (spent != 1) return null;
        await connection.ExecuteAsync("INSERT INTO kiosks (id, name, public_key, enrolled_at) VALUES (@kioskId, @name, @publicKey, @now)",
            new { kioskId, name, publicKey, now }, transaction).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        return kioskId;
    }

    public async Task<KioskRow?> FindKioskAsync(string kioskId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<KioskRow>("SELECT * FROM kiosks WHERE id = @kioskId", new { kioskId }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<KioskRow>> KiosksAsync()
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return (await connection.QueryAsync<KioskRow>("SELECT * FROM kiosks ORDER BY id").ConfigureAwait(false)).AsList();
    }

    /// <summary>False when no such kiosk.</summary>
    public async Task<bool> RevokeAsync(string kioskId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return await connection.ExecuteAsync("UPDATE kiosks SET revoked_at = @now WHERE id = @kioskId AND revoked_at IS NULL",
            new { kioskId, now = Now() }).ConfigureAwait(false) == 1
            || await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kiosks WHERE id = @kioskId", new { kioskId }).ConfigureAwait(false) == 1;
    }

    /// <summary>Records a nonce the first time it is seen; false when it was seen before (a replay).</summary>
    public async Task<bool> RecordNonceAsync(string kioskId, string nonce)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(
            "INSERT INTO nonces (kiosk_id, nonce, seen_at) VALUES (@kioskId, @nonce, @now) ON CONFLICT DO NOTHING",
            new { kioskId, nonce, now = Now() }).ConfigureAwait(false);
        return inserted == 1;
    }

    public async Task RecordHeartbeatAsync(string kioskId, string heartbeatJson)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE kiosks SET last_seen_at = @now, last_heartbeat = @heartbeatJson WHERE id = @kioskId",
            new { kioskId, heartbeatJson, now = Now() }).ConfigureAwait(false);
    }

    public async Task TouchKioskAsync(string kioskId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE kiosks SET last_seen_at = @now WHERE id = @kioskId", new { kioskId, now = Now() }).ConfigureAwait(false);
    }

    // ---- operators ----

    public async Task<string> AddOperatorAsync(string name)
    {
        var token = NewSecret();
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO operators (name, token_hash, created_at) VALUES (@name, @hash, @now) ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash",
            new { name, hash = HashSecret(token), now = Now() }).ConfigureAwait(false);
        return token;
    }

    public async Task<string?> FindOperatorAsync(string token)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM operators WHERE token_hash = @hash",
            new { hash = HashSecret(token) }).ConfigureAwait(false);
    }

    // ---- uploads ----

    /// <summary>
    /// Creates an upload, or returns the kiosk's existing one for the same dossier, name and hash (so a kiosk killed
    /// mid-upload resumes without remembering the URL).
    /// </summary>
    public async Task<UploadRow> CreateUploadAsync(UploadRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        if (row.DossierId is not null)
        {
            var existing = await connection.QuerySingleOrDefaultAsync<UploadRow>(
                "SELECT * FROM uploads WHERE kiosk_id = @KioskId AND dossier_id = @DossierId AND name = @Name AND sha256 = @Sha256", row).ConfigureAwait(false);
            if (existing is not null && existing.Length == row.Length) return existing;
            if (existing is not null)
                await connection.ExecuteAsync("DELETE FROM uploads WHERE id = @Id AND committed = 0", existing).ConfigureAwait(false);
        }
        try
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO uploads (id, kiosk_id, dossier_id, name, sha256, length, upload_offset, verified, created_at, expires_at, committed)
                VALUES (@Id, @KioskId, @DossierId, @Name, @Sha256, @Length, 0, 0, @CreatedAt, @ExpiresAt, 0)
                """, row).ConfigureAwait(false);
            return row;
        }
        catch (DbException e) when (CentralDatabase.IsUniqueViolation(e))
        {
            // Two creations raced: the other one's upload is ours too.
            return await connection.QuerySingleAsync<UploadRow>(
                "SELECT * FROM uploads WHERE kiosk_id = @KioskId AND dossier_id = @DossierId AND name = @Name AND sha256 = @Sha256", row).ConfigureAwait(false);
        }
    }

    public async Task<UploadRow?> FindUploadAsync(string uploadId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<UploadRow>("SELECT * FROM uploads WHERE id = @uploadId", new { uploadId }).ConfigureAwait(false);
    }

    /// <summary>Moves the offset only from the one the writer saw; false when another request moved it first.</summary>
    public async Task<bool> AdvanceUploadAsync(string uploadId, long from, long to, bool verified, long expiresAt)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return await connection.ExecuteAsync(
            "UPDATE uploads SET upload_offset = @to, verified = @v, expires_at = @expiresAt WHERE id = @uploadId AND upload_offset = @from",
            new { uploadId, from, to, v = verified ? 1 : 0, expiresAt }).ConfigureAwait(false) == 1;
    }

    /// <summary>Deletes an upload no dossier uses yet; false when it is committed (or gone).</summary>
    public async Task<bool> DeleteUploadAsync(string uploadId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return await connection.ExecuteAsync("DELETE FROM uploads WHERE id = @uploadId AND committed = 0", new { uploadId }).ConfigureAwait(false) == 1;
    }

    /// <summary>Uncommitted uploads past their expiry, and nonces older than the signature window, are forgotten.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(long nonceCutoff)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        var now = Now();
        var expired = (await connection.QueryAsync<string>("SELECT id FROM uploads WHERE committed = 0 AND expires_at < @now", new { now }).ConfigureAwait(false)).AsList();
        await connection.ExecuteAsync("DELETE FROM uploads WHERE committed = 0 AND expires_at < @now", new { now }).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM nonces WHERE seen_at < @nonceCutoff", new { nonceCutoff }).ConfigureAwait(false);
        return expired;
    }

    // ---- dossiers ----

    public async Task<(string KioskId, string Receipt, long ReceivedAt)?> FindReceiptAsync(string dossierId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<DossierRow>("SELECT id, kiosk_id, receipt, received_at FROM dossiers WHERE id = @dossierId",
            new { dossierId }).ConfigureAwait(false);
        return row is null ? null : (row.KioskId, row.Receipt, row.ReceivedAt);
    }

    /// <summary>The dossier and its blobs in one transaction, and its uploads marked committed.</summary>
    public async Task InsertDossierAsync(DossierRecord dossier, IReadOnlyList<DossierBlobRow> blobs)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(blobs);
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO dossiers (id, kiosk_id, code, procedure_code, id_number, page_count, created_at, received_at, receipt, json)
            VALUES (@Id, @KioskId, @Code, @ProcedureCode, @IdNumber, @PageCount, @CreatedAt, @ReceivedAt, @Receipt, @Json)
            """, dossier, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO dossier_blobs (dossier_id, name, upload_id, sha256, length) VALUES (@DossierId, @Name, @UploadId, @Sha256, @Length)",
            blobs, transaction).ConfigureAwait(false);
        foreach (var blob in blobs)
        {
            // Only a verified upload of this kiosk may be committed: checked again inside the transaction.
            var marked = await connection.ExecuteAsync(
                "UPDATE uploads SET committed = 1 WHERE id = @UploadId AND kiosk_id = @KioskId AND verified = 1",
                new { blob.UploadId, dossier.KioskId }, transaction).ConfigureAwait(false);
            if (marked != 1) throw new InvalidOperationException("upload changed during ingest: " + blob.UploadId);
        }
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    public async Task<string?> DossierJsonAsync(string dossierId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT json FROM dossiers WHERE id = @dossierId", new { dossierId }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DossierBlobRow>> DossierBlobsAsync(string dossierId)
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return (await connection.QueryAsync<DossierBlobRow>("SELECT * FROM dossier_blobs WHERE dossier_id = @dossierId ORDER BY name",
            new { dossierId }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Committed dossiers matching every given filter, newest first; times are Unix ms, <paramref name="page"/> from 1.</summary>
    public async Task<(long Total, IReadOnlyList<DossierRow> Items)> SearchAsync(DossierQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        if (query.Code is not null) where.Add("d.code = @Code");
        if (query.IdNumber is not null) where.Add("d.id_number = @IdNumber");
        if (query.Procedure is not null) where.Add("d.procedure_code = @Procedure");
        if (query.From is not null) where.Add("d.created_at >= @From");
        if (query.To is not null) where.Add("d.created_at < @To");
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dossiers d" + filter, query).ConfigureAwait(false);
        var items = await connection.QueryAsync<DossierRow>(
            $"""
            SELECT d.id, d.kiosk_id, d.code, d.procedure_code, d.id_number, d.page_count, d.created_at, d.received_at, d.receipt,
                   (SELECT COUNT(*) FROM dossier_blobs b WHERE b.dossier_id = d.id) AS blob_count,
                   (SELECT COUNT(*) FROM dossier_blobs b JOIN uploads u ON u.id = b.upload_id WHERE b.dossier_id = d.id AND u.verified = 1) AS verified_blob_count
            FROM dossiers d{filter}
            ORDER BY d.created_at DESC, d.id
            LIMIT @Limit OFFSET @Offset
            """, query).ConfigureAwait(false);
        return (total, items.AsList());
    }

    /// <summary>Row counts of what a hostile request could have left behind (tests prove nothing was stored).</summary>
    public async Task<(long Dossiers, long Uploads, long Kiosks)> CountsAsync()
    {
        await using var connection = await database.ConnectAsync().ConfigureAwait(false);
        return (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dossiers").ConfigureAwait(false),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM uploads").ConfigureAwait(false),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kiosks").ConfigureAwait(false));
    }
}

/// <summary>A dossier as it is inserted.</summary>
public sealed record DossierRecord(
    string Id, string KioskId, string Code, string? ProcedureCode, string? IdNumber, int PageCount, long CreatedAt, long ReceivedAt, string Receipt, string Json);

/// <summary>Back-office filters; null means any. Times are Unix milliseconds, <see cref="To"/> exclusive.</summary>
public sealed record DossierQuery(string? Code, string? IdNumber, string? Procedure, long? From, long? To, int Page, int PageSize)
{
    public int Limit => PageSize;
    public int Offset => (Page - 1) * PageSize;
}
