namespace Intake.Central.Storage;

// Rows as Dapper reads them (settable properties: Dapper converts SQLite's Int64 and PostgreSQL's int4 alike).
#pragma warning disable CA1812 // instantiated by Dapper

/// <summary>A kiosk the centre knows. Times are Unix milliseconds (UTC).</summary>
public sealed class KioskRow
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string PublicKey { get; set; } = "";
    public long EnrolledAt { get; set; }
    public long? RevokedAt { get; set; }
    public long? LastSeenAt { get; set; }
    public string? LastHeartbeat { get; set; }
}

/// <summary>One tus upload: <see cref="UploadOffset"/> bytes of <see cref="Length"/> received and flushed.</summary>
public sealed class UploadRow
{
    public string Id { get; set; } = "";
    public string KioskId { get; set; } = "";
    public string? DossierId { get; set; }
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    public long UploadOffset { get; set; }
    public int Verified { get; set; }
    public long CreatedAt { get; set; }
    public long ExpiresAt { get; set; }
    public int Committed { get; set; }
}

/// <summary>A committed dossier as the back office lists it (without its JSON).</summary>
public sealed class DossierRow
{
    public string Id { get; set; } = "";
    public string KioskId { get; set; } = "";
    public string Code { get; set; } = "";
    public string? ProcedureCode { get; set; }
    public string? IdNumber { get; set; }
    public int PageCount { get; set; }
    public long CreatedAt { get; set; }
    public long ReceivedAt { get; set; }
    public string Receipt { get; set; } = "";
    public int BlobCount { get; set; }
    public int VerifiedBlobCount { get; set; }
}

/// <summary>One file of a committed dossier.</summary>
public sealed class DossierBlobRow
{
    public string DossierId { get; set; } = "";
    public string Name { get; set; } = "";
    public string UploadId { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
}
#pragma warning restore CA1812
