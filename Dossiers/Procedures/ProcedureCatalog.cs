using System.Text.Json;
using System.Text.RegularExpressions;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Procedures;

/// <summary>
/// The procedures the kiosk knows, loaded from the embedded procedures.json. Codes follow the National Public
/// Service Portal pattern <c>^\d\.\d{6}$</c>; a malformed code is refused before any look-up.
/// </summary>
public sealed partial class ProcedureCatalog
{
    private const string ResourceName = "Intake.Dossiers.Procedures.procedures.json";
    private readonly Dictionary<string, Procedure> _byCode;

    private ProcedureCatalog(IEnumerable<Procedure> procedures) =>
        _byCode = procedures.ToDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>The catalogue shipped with the kiosk.</summary>
    public static ProcedureCatalog Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<Procedure> All => _byCode.Values;

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>The procedure with this code, or a failed check saying whether the code is malformed or unknown.</summary>
    public Extraction<Procedure> Find(string? code)
    {
        var trimmed = code?.Trim();
        if (!IsValidCode(trimmed))
        {
            return Extraction.Failure<Procedure>(Check.Fail(
                "procedure.code",
                $"Mã thủ tục \"{code}\" sai dạng (ví dụ 1.001193)",
                $"Procedure code \"{code}\" is malformed (e.g. 1.001193)"));
        }

        return _byCode.TryGetValue(trimmed!, out var procedure)
            ? Extraction.Success(procedure)
            : Extraction.Failure<Procedure>(Check.Fail(
                "procedure.code",
                $"Không có thủ tục mã {trimmed} trong danh mục",
                $"No procedure {trimmed} in the catalogue"));
    }

    /// <summary>Reads a catalogue (JSON array, comments allowed). Throws on a malformed file: it ships with the code and is tested.</summary>
    public static ProcedureCatalog Load(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var procedures = document.RootElement.EnumerateArray().Select(Read).ToArray();
        return new ProcedureCatalog(procedures);
    }

    private static Procedure Read(JsonElement element)
    {
        var code = element.GetProperty("code").GetString() ?? string.Empty;
        if (!IsValidCode(code))
        {
            throw new InvalidDataException($"Procedure code '{code}' does not match ^\\d\\.\\d{{6}}$.");
        }

        var required = element.GetProperty("required").EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToArray();
        var unknown = required.FirstOrDefault(r => !DocumentRequirement.IsKnown(r));
        if (unknown is not null)
        {
            throw new InvalidDataException($"Procedure {code} requires unknown document type '{unknown}'.");
        }

        var notes = element.TryGetProperty("notes", out var n) ? VietnameseText.Nfc(n.GetString()) : null;
        return new Procedure(code, VietnameseText.Nfc(element.GetProperty("name").GetString()), required, notes);
    }

    private static ProcedureCatalog LoadEmbedded()
    {
        using var stream = typeof(ProcedureCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    }

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}$")]
    private static partial Regex CodePattern();
}
