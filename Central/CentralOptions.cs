namespace Intake.Central;

/// <summary>How a central node runs. Sizes in bytes.</summary>
public sealed record CentralOptions
{
    /// <summary>The data folder: the default SQLite file and the blob folder live here.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>A PostgreSQL connection string, or a SQLite path; null: <c>DATA/central.db</c>.</summary>
    public string? Db { get; init; }

    /// <summary>Kestrel URLs, e.g. <c>http://0.0.0.0:8443</c>.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8090";

    /// <summary>Largest accepted dossier submission (its dossier.json travels in it).</summary>
    public long MaxDossierBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest tus PATCH body: the kiosk's chunk size is below this.</summary>
    public long MaxChunkBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest blob (Tus-Max-Size).</summary>
    public long MaxBlobBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>An upload not committed into a dossier is removed this long after its last chunk (tus expiration).</summary>
    public TimeSpan UploadLifetime { get; init; } = TimeSpan.FromHours(24);

    public string DbOrDefault => Db ?? Path.Combine(DataDirectory, "central.db");

    public string BlobDirectory => Path.Combine(DataDirectory, "blobs");
}
