using System.Globalization;
using System.Text.Json;
using Intake.Pages;

namespace Intake.Dossiers.Package;

/// <summary>
/// Reads a <c>dossier.json</c> written by <see cref="DossierJson.Write"/> back into a <see cref="Dossier"/>, with the
/// package file named for each document and for the whole dossier, so a corrected version is written with the same
/// names (the desk's corrections: the kiosk store keeps only the JSON, sealed). Page numbers go back to 0-based.
/// </summary>
public static class DossierJsonReader
{
    /// <summary>A dossier read back, with the file each document's PDF was written to (null: none) and the dossier's PDF.</summary>
    public sealed record ReadBack(Dossier Dossier, IReadOnlyList<string?> DocumentFiles, string? DossierFile);

    /// <exception cref="JsonException">Not a dossier.json of schema version 1.</exception>
    public static ReadBack Read(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.GetProperty("schemaVersion").GetInt32() != DossierJson.SchemaVersion)
            throw new JsonException($"dossier.json schema version {root.GetProperty("schemaVersion").GetInt32()} is not {DossierJson.SchemaVersion}");
        var procedure = root.GetProperty("procedure") is { ValueKind: JsonValueKind.Object } p
            ? new ProcedureRef(p.GetProperty("code").GetString()!, p.GetProperty("name").GetString()!)
            : null;
        var applicant = Applicant.Empty;
        foreach (var field in root.GetProperty("applicant").EnumerateObject())
            applicant = applicant.With(field.Name, ReadField(field.Value));
        var documents = new List<Document>();
        var files = new List<string?>();
        foreach (var d in root.GetProperty("documents").EnumerateArray())
        {
            var regions = d.GetProperty("regions").EnumerateArray()
                .Select(r => new PageRegion(r.GetProperty("page").GetInt32() - 1, r.TryGetProperty("box", out var box) ? ReadBox(box) : null)).ToArray();
            var fields = d.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => ReadField(f.Value));
            documents.Add(new Document(d.GetProperty("type").GetString()!, d.GetProperty("typeConfidence").GetDouble(), regions, fields));
            files.Add(d.TryGetProperty("file", out var file) ? file.GetString() : null);
        }

        var pages = root.GetProperty("pages").EnumerateArray().Select(page => new DossierPage(
            page.GetProperty("page").GetInt32() - 1, page.GetProperty("width").GetInt32(), page.GetProperty("height").GetInt32(),
            page.GetProperty("dpi").GetDouble(), page.TryGetProperty("sha256", out var sha) ? sha.GetString() : null)).ToArray();
        var checks = root.GetProperty("checks").EnumerateArray()
            .Select(c => new Check(c.GetProperty("name").GetString()!, c.GetProperty("passed").GetBoolean(), c.GetProperty("message").GetString()!)).ToArray();
        var checklist = root.GetProperty("checklist").EnumerateArray()
            .Select(c => new ChecklistItem(c.GetProperty("documentType").GetString()!, c.GetProperty("present").GetBoolean())).ToArray();
        var corrections = root.GetProperty("corrections").EnumerateArray().Select(c => new Correction(
            c.GetProperty("field").GetString()!, c.GetProperty("oldValue").GetString(), c.GetProperty("newValue").GetString()!,
            c.GetProperty("operator").GetString()!, Time(c.GetProperty("at")), c.GetProperty("reason").GetString())).ToArray();
        var dossier = new Dossier(
            root.GetProperty("id").GetGuid(), DossierCode.Parse(root.GetProperty("code").GetString()!), procedure, applicant, documents, pages, checks,
            checklist, root.GetProperty("operator").GetString()!, Time(root.GetProperty("createdAt")), Time(root.GetProperty("updatedAt")),
            root.GetProperty("version").GetInt32(), corrections);
        return new ReadBack(dossier, files, root.TryGetProperty("file", out var dossierFile) ? dossierFile.GetString() : null);
    }

    private static Field ReadField(JsonElement field) => new(
        field.GetProperty("value").GetString()!,
        field.GetProperty("confidence").GetDouble(),
        Enum.Parse<FieldSource>(field.GetProperty("source").GetString()!, ignoreCase: true),
        field.TryGetProperty("page", out var page) ? page.GetInt32() - 1 : null,
        field.TryGetProperty("box", out var box) ? ReadBox(box) : null,
        field.TryGetProperty("alternatives", out var alternatives) ? alternatives.EnumerateArray().Select(a => a.GetString()!).ToArray() : null);

    private static PixelRect ReadBox(JsonElement box) =>
        new(box.GetProperty("x").GetInt32(), box.GetProperty("y").GetInt32(), box.GetProperty("width").GetInt32(), box.GetProperty("height").GetInt32());

    private static DateTimeOffset Time(JsonElement at) => DateTimeOffset.Parse(at.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
