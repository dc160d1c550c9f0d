using System.Text.Json;

namespace Intake.Bench.QrCompare;

/// <summary>
/// One image of the shared QR corpora with what it should decode to: <see cref="Expected"/> is the exact text (zxing-cpp's
/// <c>.txt</c>, jsQR's <c>output.json</c> data), or null when only a prefix check is possible (<see cref="Check"/>).
/// </summary>
internal sealed record QrSample(string Set, string Path, string? Expected, Func<string, bool>? Check = null)
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".gif", ".pgm"];

    public bool IsRight(string decoded) =>
        Check is not null ? Check(decoded) : Expected is not null && Normalise(decoded) == Normalise(Expected);

    public static IEnumerable<QrSample> All(string corpus) => ZxingCpp(corpus).Concat(JsQr(corpus)).Concat(Cccd(corpus)).Concat(CccdBacks(corpus));

    /// <summary>The 2021 CCCD backs: no QR code at all, so every decode is wrong; what a miss costs on a real page.</summary>
    private static IEnumerable<QrSample> CccdBacks(string corpus)
    {
        foreach (var truth in Directory.EnumerateFiles(System.IO.Path.Combine(corpus, "cccd-samples"), "*.truth.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(truth));
            if (!json.RootElement.TryGetProperty("sides", out var sides) || sides.GetString() != "back") continue;
            var stem = truth[..^".truth.json".Length];
            if (ImageExtensions.Select(e => stem + e).FirstOrDefault(File.Exists) is { } image) yield return new QrSample("cccd-back (no QR)", image, null, _ => false);
        }
    }

    /// <summary>zxing-cpp's test/samples/qrcode-*: each image has a .txt with the exact decoded text.</summary>
    private static IEnumerable<QrSample> ZxingCpp(string corpus)
    {
        foreach (var image in Directory.EnumerateFiles(System.IO.Path.Combine(corpus, "zxing-cpp"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!ImageExtensions.Contains(System.IO.Path.GetExtension(image).ToLowerInvariant())) continue;
            var truth = System.IO.Path.ChangeExtension(image, ".txt");
            if (File.Exists(truth)) yield return new QrSample("zxing-cpp", image, File.ReadAllText(truth));
        }
    }

    /// <summary>jsQR's end-to-end cases: output.json's data, null where jsQR itself failed (then only "decoded" counts).</summary>
    private static IEnumerable<QrSample> JsQr(string corpus)
    {
        foreach (var folder in Directory.EnumerateDirectories(System.IO.Path.Combine(corpus, "jsqr")).Order(StringComparer.Ordinal))
        {
            var image = System.IO.Path.Combine(folder, "input.png");
            var output = System.IO.Path.Combine(folder, "output.json");
            if (!File.Exists(image) || !File.Exists(output)) continue;
            using var json = JsonDocument.Parse(File.ReadAllBytes(output));
            var data = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            yield return new QrSample("jsqr", image, data);
        }
    }

    /// <summary>
    /// The synthetic CCCD fronts (whole A4 flatbed scans and camera photos): the payload is UTF-8 without ECI and must
    /// start with the card number and hold the Vietnamese name exactly (a wrong charset guess fails it).
    /// </summary>
    private static IEnumerable<QrSample> Cccd(string corpus)
    {
        var root = System.IO.Path.Combine(corpus, "cccd-samples");
        foreach (var truth in Directory.EnumerateFiles(root, "*.truth.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(truth));
            var card = json.RootElement;
            if (!card.TryGetProperty("sides", out var sides) || sides.GetString() is not ("front" or "both")) continue;
            var stem = truth[..^".truth.json".Length];
            var image = ImageExtensions.Select(e => stem + e).FirstOrDefault(File.Exists);
            if (image is null) continue;
            var id = card.GetProperty("idNumber").GetString()!;
            var name = card.GetProperty("fullName").GetString()!.Normalize(System.Text.NormalizationForm.FormC);
            yield return new QrSample("cccd", image, null, decoded => decoded.StartsWith(id, StringComparison.Ordinal) && Normalise(decoded).Contains(name, StringComparison.Ordinal));
        }
    }

    private static string Normalise(string text) => text.Normalize(System.Text.NormalizationForm.FormC).TrimEnd('\n', '\r');
}
