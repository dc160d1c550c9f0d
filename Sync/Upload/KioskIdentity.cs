using System.Security.Cryptography;
using System.Text.Json;

namespace Intake.Sync.Upload;

/// <summary>
/// Who this kiosk is to the centre: the centre's URL, the kiosk id it was given at enrolment, and the kiosk's ECDSA
/// P-256 private key (PKCS#8, base64). Kept in <c>DATA/central/kiosk.json</c>, readable only by the owner.
/// </summary>
public sealed record KioskIdentity(string CentralUrl, string KioskId, string PrivateKey)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "central", "kiosk.json");

    public ECDsa OpenKey()
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(PrivateKey), out _);
        return key;
    }

    /// <summary>Null when the kiosk is not enrolled yet.</summary>
    public static KioskIdentity? Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        return File.Exists(path) ? JsonSerializer.Deserialize<KioskIdentity>(File.ReadAllBytes(path), Json) : null;
    }

    /// <summary>Written to a temporary file then renamed, so a power cut leaves the old identity or the new one.</summary>
    public void Save(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }
}
