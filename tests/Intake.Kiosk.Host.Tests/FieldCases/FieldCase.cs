using System.Text.Json;
using Intake.Imaging;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.TestSupport;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>The field-case inputs (../shared/corpus/field-cases, read in place) and what the tests do with them.</summary>
internal static class FieldCase
{
    public static string File(string folder, string name) => Corpus.File("field-cases", folder, name);

    public static string Truth(string folder) => System.IO.File.ReadAllText(File(folder, "truth.txt"));

    /// <summary>Runs `intake process INPUT... --out DIR` and returns the run with the dossier's JSON (null when none was written).</summary>
    public static async Task<(CliRun Run, JsonElement? Dossier)> Process(string outDir, params string[] inputs)
    {
        var run = await CliRun.Of(["process", .. inputs, "--out", outDir]);
        var json = Path.Combine(outDir, "dossier.json");
        if (!System.IO.File.Exists(json)) return (run, null);
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(json));
        return (run, document.RootElement.Clone());
    }

    /// <summary>The failed checks of a dossier, by name and message.</summary>
    public static IReadOnlyList<(string Name, string Message)> FailedChecks(JsonElement dossier) =>
        [.. dossier.GetProperty("checks").EnumerateArray()
            .Where(c => !c.GetProperty("passed").GetBoolean())
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("message").GetString()!))];

    /// <summary>Mean brightness (0 black … 255 white) of page <paramref name="page"/> of a PDF as a viewer draws it, at 20 dpi.</summary>
    public static double MeanBrightness(string pdf, int page)
    {
        var folder = Directory.CreateTempSubdirectory("intake-fieldcase-");
        try
        {
            var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ExternalTool.Run("pdftoppm", "-r", "20", "-f", number, "-l", number, "-gray", "-singlefile", "-png", pdf, Path.Combine(folder.FullName, "p"));
            using var source = ImageSource.Open(Path.Combine(folder.FullName, "p.png"));
            using var image = source.Decode();
            return Mean(image);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>An image's pixels as 8-bit grey, row after row without padding.</summary>
    public static byte[] GreyPixels(Image image)
    {
        using var converted = image.Channels == 1 ? null : image.ToGray();
        return Rows(converted ?? image);
    }

    private static byte[] Rows(Image grey) => grey.UsePixels(buffer =>
    {
        var pixels = new byte[buffer.Width * buffer.Height];
        unsafe
        {
            for (var y = 0; y < buffer.Height; y++)
                new ReadOnlySpan<byte>((byte*)buffer.Data + (long)y * buffer.Stride, buffer.Width).CopyTo(pixels.AsSpan(y * buffer.Width));
        }
        return pixels;
    });

    private static double Mean(Image image) => GreyPixels(image).Average(p => (double)p);
}
