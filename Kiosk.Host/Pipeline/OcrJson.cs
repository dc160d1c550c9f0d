using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Intake.Ocr;

namespace Intake.Kiosk.Host.Pipeline;

/// <summary>The JSON shape of recognised pages, shared by `intake ocr --format json` and the local API.</summary>
internal static class OcrJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Vietnamese stays readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Word(string Text, int[] Box, double Confidence, int Block, int Line);

    public sealed record Page([property: JsonPropertyName("page")] int Number, int Width, int Height, double Dpi, double MeanConfidence, string Text, IReadOnlyList<Word> Words);

    public sealed record Document(string Source, IReadOnlyList<Page> Pages);

    public static Page ToPage(int pageNumber, PageText text) => new(
        pageNumber,
        text.Width,
        text.Height,
        text.Dpi,
        Math.Round(text.MeanConfidence, 3),
        text.Text,
        [.. text.Words.Select(w => new Word(w.Text, [w.Box.X, w.Box.Y, w.Box.Width, w.Box.Height], Math.Round(w.Confidence, 3), w.Block, w.Line))]);

    public static string Serialize(string source, IReadOnlyList<PageText> pages) =>
        JsonSerializer.Serialize(new Document(source, [.. pages.Select((p, i) => ToPage(i + 1, p))]), Options);
}
