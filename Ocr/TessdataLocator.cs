namespace Intake.Ocr;

/// <summary>
/// Finds the folder with Tesseract's models and checks that every requested language is there, so a
/// missing model is reported by name, with the Debian package that provides it, before any engine starts.
/// </summary>
public static class TessdataLocator
{
    private static readonly string[] DebianFolders =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
    ];

    public static string Resolve(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.DataPath
            ?? NonEmpty(Environment.GetEnvironmentVariable("TESSDATA_PREFIX"))
            ?? DebianFolders.FirstOrDefault(Directory.Exists)
            ?? throw new OcrException(
                "Không tìm thấy thư mục mô hình Tesseract (tessdata) / Tesseract's model folder was not found: install tesseract-ocr-eng or set TESSDATA_PREFIX");
        foreach (var language in Languages(options.Languages))
        {
            var model = Path.Combine(folder, language + ".traineddata");
            if (!File.Exists(model))
                throw new OcrException(
                    $"Thiếu mô hình ngôn ngữ '{language}' / missing Tesseract model '{language}' ({model}): install the Debian package {PackageFor(language)}");
        }
        return folder;
    }

    public static IReadOnlyList<string> Languages(string languages)
    {
        var parts = (languages ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
            throw new OcrException($"Ngôn ngữ không hợp lệ / invalid language list '{languages}' (expected e.g. vie+eng)");
        return parts;
    }

    /// <summary>Debian names model packages tesseract-ocr-LANG, with '_' written as '-' (chi_sim → chi-sim).</summary>
    public static string PackageFor(string language) =>
        "tesseract-ocr-" + language.Replace('_', '-').ToLowerInvariant();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
