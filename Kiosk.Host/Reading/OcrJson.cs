using Intake.Pages;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Intake.Imaging.Cleanup;
using Intake.Ocr;

using Intake.Pipeline;
using Intake.Pipeline.Reports;
using Intake.Scanner.Replay;

namespace Intake.Kiosk.Host.Reading;

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

    public sealed record Word(string Text, int[] Box, double Confidence, int Block, int Line, int? Document = null);

    /// <summary>
    /// One page. With cleanup, <see cref="Image"/> names the clean page the word boxes refer to and
    /// <see cref="Cleanup"/> says what each stage did; when documents were found on the glass, each has
    /// its entry in <see cref="Documents"/> (boxes in its own clean image) and the page's words carry
    /// their document's number.
    /// </summary>
    public sealed record Page(
        [property: JsonPropertyName("page")] int Number,
        int Width,
        int Height,
        double Dpi,
        double MeanConfidence,
        string Text,
        IReadOnlyList<Word> Words,
        string? Image = null,
        Cleanup? Cleanup = null,
        IReadOnlyList<Document>? Documents = null,
        IReadOnlyList<Stage>? Timings = null,
        PdfPage? Pdf = null);

    /// <summary>
    /// How a PDF page was taken (issue 15): kind <c>text-layer</c> (its own text kept, <see cref="Ocr"/> false),
    /// <c>embedded-image</c> (its scan read at its own size: <see cref="NativeSize"/> true, the image's encoding in the PDF,
    /// pixels and dpi) or <c>rendered</c> (drawn by poppler at 300 dpi); <see cref="Parsing"/> is how PdfPig opened the
    /// file (<c>strict</c>, <c>lenient</c>, <c>failed</c>).
    /// </summary>
    public sealed record PdfPage(string Kind, bool Ocr, string Reason, string Parsing, bool NativeSize, string? Encoding, int? ImageWidth, int? ImageHeight, double? ImageDpi);

    public sealed record Stage(string Name, double Ms, double CpuMs, bool Changed);

    public sealed record Skew(double Degrees, double Confidence, bool Rotated, bool? Reverted);

    public sealed record Candidate(int Degrees, double Legibility, int Words);

    /// <summary>
    /// Degrees: the counter-clockwise quarter turn applied; lineRatio/ascenders: the cheap cues (row against
    /// column peakiness, Leptonica's signed ascender confidence in the lines' direction); osd*: Tesseract OSD's own answer.
    /// </summary>
    public sealed record Orientation(int Degrees, string Method, double? LineRatio, double? Ascenders, int? OsdDegrees, double? OsdConfidence,
        IReadOnlyList<Candidate>? Candidates);

    public sealed record Dpi(double Declared, double Used, bool Estimated);

    public sealed record Blank(double InkScore, bool IsBlank);

    public sealed record Region(double CenterX, double CenterY, double Width, double Height, double Degrees, int[] Bounds, string Kind, double Confidence);

    public sealed record Cleanup(
        Dpi? Dpi,
        int[]? Crop,
        Blank? Blank,
        Skew? Skew,
        Orientation? Orientation,
        Skew? ResidualSkew,
        bool ReadBinarised,
        IReadOnlyList<Stage> Stages)
    {
        /// <summary>How the reading copy was made: whether the print was measured, its x-heights (px), the enlargement, the white-on-dark bars inverted.</summary>
        public ReadingCopy? Reading { get; init; }
    }

    public sealed record ReadingCopy(bool Measured, double BodyXHeight, double SmallestXHeight, double Factor, int InvertedBars);

    public sealed record Document(
        [property: JsonPropertyName("document")] int Number,
        string? Image,
        Region Region,
        int Width,
        int Height,
        double MeanConfidence,
        string Text,
        IReadOnlyList<Word> Words,
        Cleanup Cleanup);

    public sealed record Source(string Path, IReadOnlyList<Page> Pages);

    public static Page ToPage(int pageNumber, PageText text) => new(
        pageNumber,
        text.Width,
        text.Height,
        text.Dpi,
        Math.Round(text.MeanConfidence, 3),
        text.Text,
        Words(text, null));

    /// <summary>The `intake ocr` file: every page with what cleanup did to it; <paramref name="images"/> names each page's clean pieces.</summary>
    public static string Serialize(string source, IReadOnlyList<PageReading> pages, IReadOnlyList<IReadOnlyList<string>>? images, IReadOnlyList<PdfPagePlan>? pdf = null) =>
        JsonSerializer.Serialize(new Source(source, [.. pages.Select((p, i) => ToPage(i + 1, p, images is null ? [] : images[i]) with
        {
            Pdf = pdf is null ? null : ToPdfPage(pdf[i], p),
        })]), Options);

    private static PdfPage ToPdfPage(PdfPagePlan plan, PageReading reading)
    {
        var embedded = plan.Kind == PdfPageKind.EmbeddedImage;
        return new PdfPage(plan.KindName, !reading.FromTextLayer, plan.Reason, plan.Parsing.ToString().ToLowerInvariant(), embedded,
            plan.Encoding, embedded ? plan.Width : null, embedded ? plan.Height : null, embedded ? plan.Dpi : null);
    }

    private static Page ToPage(int number, PageReading reading, IReadOnlyList<string> images)
    {
        var stages = reading.Stages.Select(ToStage).ToList();
        if (reading.Pieces.Count == 1 && (reading.Pieces[0].Cleanup?.Document is not { } only || IsWholePage(only, reading.Cleanup)))
        {
            var piece = reading.Pieces[0];
            var page = ToPage(number, piece.Text);
            return page with
            {
                Image = images.Count > 0 ? images[0] : null,
                Cleanup = reading.Cleanup is null || piece.Cleanup is null ? null : ToCleanup(reading.Cleanup, piece.Cleanup),
                Timings = stages,
            };
        }
        var documents = reading.Pieces.Select((piece, i) => new Document(
            i + 1,
            i < images.Count ? images[i] : null,
            ToRegion(piece.Cleanup!.Document!),
            piece.Text.Width,
            piece.Text.Height,
            Math.Round(piece.Text.MeanConfidence, 3),
            piece.Text.Text,
            Words(piece.Text, null),
            ToCleanup(null, piece.Cleanup))).ToList();
        var pageDpi = reading.Cleanup?.Dpi.Used ?? 0;
        return new Page(
            number,
            reading.Cleanup?.Width ?? 0,
            reading.Cleanup?.Height ?? 0,
            pageDpi,
            documents.Count == 0 ? 0 : Math.Round(documents.Average(d => d.MeanConfidence), 3),
            reading.Text,
            [.. reading.Pieces.SelectMany((piece, i) => Words(piece.Text, i + 1))],
            null,
            reading.Cleanup is null ? null : ToCleanup(reading.Cleanup, null),
            documents,
            stages);
    }

    private static List<Word> Words(PageText text, int? document) =>
        [.. text.Words.Select(w => new Word(w.Text, [w.Box.X, w.Box.Y, w.Box.Width, w.Box.Height], Math.Round(w.Confidence, 3), w.Block, w.Line, document))];

    private static Cleanup ToCleanup(PageCleanupReport? page, PieceReport? piece) => new(
        page is null ? null : new Dpi(page.Dpi.Declared, page.Dpi.Used, page.Dpi.Estimated),
        page?.Crop is { } c ? [c.X, c.Y, c.Width, c.Height] : null,
        piece is null ? null : new Blank(Math.Round(piece.Blank.InkScore, 4), piece.Blank.IsBlank),
        ToSkew(piece?.Skew),
        piece?.Card is { } card
            ? new Orientation(card.Turn, card.How, null, null, null, null, null)
            : piece?.Orientation is { } o
            ? new Orientation(o.Degrees, o.Method.ToString().ToLowerInvariant(),
                o.Cues is { } q ? Math.Round(q.LineRatio, 2) : null,
                o.Cues is { } a ? Math.Round(a.AlongLines, 2) : null,
                o.OsdDegrees, o.OsdConfidence is { } oc ? Math.Round(oc, 2) : null,
                o.Candidates.Count == 0 ? null : [.. o.Candidates.Select(k => new Candidate(k.Degrees, Math.Round(k.Legibility, 3), k.Words))])
            : null,
        ToSkew(piece?.ResidualSkew),
        piece?.ReadBinarised ?? false,
        [.. (page?.Stages ?? []).Concat(piece?.Stages ?? []).Select(ToStage)])
    {
        Reading = piece?.Reading is { } r
            ? new ReadingCopy(r.Measured, Math.Round(r.Scale.BodyXHeight, 1), Math.Round(r.Scale.SmallestXHeight, 1), r.Scale.Factor, r.InvertedBars)
            : null,
    };

    /// <summary>An image that is itself one card: reported as a page, with the card's turn as the page's orientation.</summary>
    private static bool IsWholePage(FoundDocument document, PageCleanupReport? page) =>
        page is not null && document.Bounds.X == 0 && document.Bounds.Y == 0 && document.Bounds.Width == page.Width && document.Bounds.Height == page.Height;

    private static Skew? ToSkew(SkewReport? skew) => skew is null ? null : new Skew(skew.Degrees, skew.Confidence, skew.Rotated, skew.Reverted ? true : null);

    private static Stage ToStage(StageTiming t) => new(t.Stage, t.Milliseconds, t.CpuMilliseconds, t.Changed);

    private static Region ToRegion(FoundDocument d) => new(
        Math.Round(d.Region.CenterX, 1), Math.Round(d.Region.CenterY, 1), Math.Round(d.Region.Width, 1), Math.Round(d.Region.Height, 1), Math.Round(d.Region.Degrees, 2),
        [d.Bounds.X, d.Bounds.Y, d.Bounds.Width, d.Bounds.Height], d.Kind.ToString().ToLowerInvariant(), Math.Round(d.Confidence, 3));
}
