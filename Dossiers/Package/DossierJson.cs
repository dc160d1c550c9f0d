using Intake.Pages;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Intake.Dossiers.Assembly;

namespace Intake.Dossiers.Package;

/// <summary>
/// Writes <c>dossier.json</c> (docs/dossier-schema.md, Package/dossier.schema.json). Page numbers are 1-based, as in
/// the PDFs; dates yyyy-MM-dd; text NFC and unescaped, so Vietnamese reads as itself.
/// </summary>
public static class DossierJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Dossier dossier, IReadOnlyList<string?>? documentFiles = null, string? dossierFile = "dossier.pdf")
    {
        ArgumentNullException.ThrowIfNull(dossier);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("id", dossier.Id);
            json.WriteString("code", dossier.Code.ToString());
            json.WriteNumber("version", dossier.Version);
            if (dossier.Procedure is { } procedure)
            {
                json.WriteStartObject("procedure");
                json.WriteString("code", procedure.Code);
                json.WriteString("name", procedure.Name);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("procedure");
            }

            json.WriteString("operator", dossier.Operator);
            json.WriteString("createdAt", dossier.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("updatedAt", dossier.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WritePropertyName("applicant");
            WriteFields(json, FieldNames.All.Select(n => (n, dossier.Applicant.Get(n))).Where(f => f.Item2 is not null).Select(f => (f.n, f.Item2!)));

            json.WriteStartArray("documents");
            for (var i = 0; i < dossier.Documents.Count; i++)
            {
                var document = dossier.Documents[i];
                json.WriteStartObject();
                json.WriteString("type", document.Type);
                json.WriteNumber("typeConfidence", Math.Round(document.TypeConfidence, 3));
                json.WriteStartArray("pages");
                foreach (var page in document.PageIndexes)
                {
                    json.WriteNumberValue(page + 1);
                }

                json.WriteEndArray();
                json.WriteStartArray("regions");
                foreach (var region in document.Regions)
                {
                    json.WriteStartObject();
                    json.WriteNumber("page", region.PageIndex + 1);
                    if (region.Region is { } box)
                    {
                        WriteBox(json, box);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WritePropertyName("fields");
                WriteFields(json, document.Fields.OrderBy(f => FieldOrder(f.Key)).Select(f => (f.Key, f.Value)));
                if (documentFiles is not null && i < documentFiles.Count && documentFiles[i] is { } file)
                {
                    json.WriteString("file", file);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("pages");
            foreach (var page in dossier.Pages)
            {
                json.WriteStartObject();
                json.WriteNumber("page", page.Index + 1);
                json.WriteNumber("width", page.Width);
                json.WriteNumber("height", page.Height);
                json.WriteNumber("dpi", Math.Round(page.Dpi, 1));
                if (page.ImageSha256 is not null)
                {
                    json.WriteString("sha256", page.ImageSha256);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("checks");
            foreach (var check in dossier.Checks)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteBoolean("passed", check.Passed);
                json.WriteString("message", check.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("checklist");
            foreach (var item in dossier.Checklist)
            {
                json.WriteStartObject();
                json.WriteString("documentType", item.DocumentType);
                json.WriteBoolean("present", item.Present);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("corrections");
            foreach (var correction in dossier.Corrections)
            {
                json.WriteStartObject();
                json.WriteString("field", correction.FieldName);
                json.WriteString("oldValue", correction.OldValue);
                json.WriteString("newValue", correction.NewValue);
                json.WriteString("operator", correction.Operator);
                json.WriteString("at", correction.At.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("reason", correction.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (dossierFile is not null)
            {
                json.WriteString("file", dossierFile);
            }

            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static int FieldOrder(string name)
    {
        var index = FieldNames.All.ToList().IndexOf(name);
        return index < 0 ? int.MaxValue : index;
    }

    private static void WriteFields(Utf8JsonWriter json, IEnumerable<(string Name, Field Field)> fields)
    {
        json.WriteStartObject();
        foreach (var (name, field) in fields)
        {
            json.WriteStartObject(name);
            json.WriteString("value", field.Value);
            json.WriteNumber("confidence", Math.Round(field.Confidence, 3));
            json.WriteString("source", field.Source.ToString().ToLowerInvariant());
            if (field.Page is { } page)
            {
                json.WriteNumber("page", page + 1);
            }

            if (field.Box is { } box)
            {
                WriteBox(json, box);
            }

            if (field.Alternatives.Count > 0)
            {
                json.WriteStartArray("alternatives");
                foreach (var alternative in field.Alternatives)
                {
                    json.WriteStringValue(alternative);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteBox(Utf8JsonWriter json, PixelRect box)
    {
        json.WriteStartObject("box");
        json.WriteNumber("x", box.X);
        json.WriteNumber("y", box.Y);
        json.WriteNumber("width", box.Width);
        json.WriteNumber("height", box.Height);
        json.WriteEndObject();
    }

    /// <summary>The JSON Schema (draft 2020-12) that every dossier.json satisfies.</summary>
    public static string Schema()
    {
        using var stream = typeof(DossierAssembler).Assembly.GetManifestResourceStream("Intake.Dossiers.Package.dossier.schema.json")
            ?? throw new InvalidOperationException("The embedded dossier schema is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
