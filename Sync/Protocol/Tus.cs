namespace Intake.Sync.Protocol;

/// <summary>
/// The parts of tus 1.0.0 (https://tus.io/protocols/resumable-upload) the centre speaks: core, creation, checksum
/// (sha256), expiration, termination. Uploads live under <see cref="FilesPath"/>.
/// </summary>
public static class Tus
{
    public const string Version = "1.0.0";
    public const string Extensions = "creation,checksum,expiration,termination";
    public const string FilesPath = "/files";
    public const string OffsetContentType = "application/offset+octet-stream";

    public const string ResumableHeader = "Tus-Resumable";
    public const string VersionHeader = "Tus-Version";
    public const string ExtensionHeader = "Tus-Extension";
    public const string MaxSizeHeader = "Tus-Max-Size";
    public const string ChecksumAlgorithmHeader = "Tus-Checksum-Algorithm";
    public const string OffsetHeader = "Upload-Offset";
    public const string LengthHeader = "Upload-Length";
    public const string MetadataHeader = "Upload-Metadata";
    public const string ChecksumHeader = "Upload-Checksum";
    public const string ExpiresHeader = "Upload-Expires";

    /// <summary>tus checksum extension: the status for a chunk whose checksum does not match its bytes.</summary>
    public const int ChecksumMismatchStatus = 460;

    /// <summary>Metadata keys: the blob's file name, its lowercase hex SHA-256 (whole blob) and, from our uploader, the dossier id.</summary>
    public const string NameKey = "filename";
    public const string Sha256Key = "sha256";
    public const string DossierKey = "dossier";

    /// <summary>Upload-Metadata: comma-separated <c>key base64(value)</c> pairs (tus creation extension).</summary>
    public static string EncodeMetadata(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join(',', pairs.Select(p => p.Key + " " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(p.Value))));

    /// <summary>Null when the header is malformed (a value that is not base64 or not UTF-8).</summary>
    public static Dictionary<string, string>? DecodeMetadata(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header)) return result;
        foreach (var pair in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(' ', 2);
            try
            {
                var value = parts.Length == 2 ? new System.Text.UTF8Encoding(false, true).GetString(Convert.FromBase64String(parts[1])) : "";
                result[parts[0]] = value;
            }
            catch (FormatException) { return null; }
            catch (ArgumentException) { return null; }
        }
        return result;
    }
}
