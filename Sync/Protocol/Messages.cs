namespace Intake.Sync.Protocol;

/// <summary>Routes of the centre's kiosk API (all signed except enrolment, which carries the one-time token).</summary>
public static class CentralRoutes
{
    public const string Enroll = "/api/v1/enroll";
    public const string Dossiers = "/api/v1/dossiers";
    public const string Heartbeat = "/api/v1/heartbeat";

    /// <summary>GET, signed: every kiosk's status and last heartbeat, for the technician page of any kiosk of the fleet.</summary>
    public const string Fleet = "/api/v1/fleet";
}

/// <summary>POST /api/v1/enroll: the one-time token and the kiosk's public key (SubjectPublicKeyInfo, base64).</summary>
public sealed record EnrollRequest(string Token, string PublicKey, string? Name);

/// <summary>The centre's answer to an enrolment: the id every later request names.</summary>
public sealed record EnrollResponse(string KioskId);

/// <summary>One blob of a dossier submission: its tus upload URL (path), name, lowercase hex SHA-256 and length in bytes.</summary>
public sealed record SubmittedBlob(string Name, string Sha256, long Length, string UploadUrl);

/// <summary>POST /api/v1/dossiers: the dossier (its dossier.json as a string) once all its blobs are uploaded.</summary>
public sealed record DossierSubmission(string DossierId, string DossierCode, string DossierJson, IReadOnlyList<SubmittedBlob> Blobs);

/// <summary>The centre's receipt for a committed dossier; a repeat submission gets the same one.</summary>
public sealed record DossierReceipt(string Receipt, string DossierId, DateTimeOffset ReceivedAt);

/// <summary>POST /api/v1/heartbeat every 30 s. Ages in seconds, disk free in bytes.</summary>
public sealed record Heartbeat(
    string Version, int QueueDepth, double? OldestUndeliveredAgeSeconds, long DiskFreeBytes, string ScannerState);

/// <summary>A refusal: Vietnamese first, then English.</summary>
public sealed record ProblemMessage(string Error);
