using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>
/// `intake process` on citizen-ID scans nobody on this project made (../shared/corpus/cccd-samples: A4 flatbed scans at
/// 300 dpi of synthetic 2021 CCCDs at many angles, fronts, backs and both on one page; and phone photos of cards on a
/// table, in perspective, JPEG at a declared 72 dpi), each checked against the truth file beside it. Rates are printed.
/// </summary>
public sealed class CccdSamplesTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-cccd-samples-");

    public static TheoryData<string> Folders => new() { "cccd-samples", "cccd-samples/photos" };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Every_sample_gives_its_id_number_birth_date_sex_and_front_name_and_nothing_confidently_wrong(string folder)
    {
        var truths = Directory.GetFiles(Corpus.File(folder.Split('/')), "*.truth.json").Order(StringComparer.Ordinal).ToArray();
        truths.Should().NotBeEmpty();
        int core = 0, fronts = 0, names = 0, qrs = 0, both = 0, bothFound = 0;
        var problems = new List<string>();
        foreach (var truthFile in truths)
        {
            var name = Path.GetFileName(truthFile)[..^".truth.json".Length];
            var scan = Directory.GetFiles(Path.GetDirectoryName(truthFile)!, name + ".*").Single(f => !f.EndsWith(".json", StringComparison.Ordinal));
            using var truth = JsonDocument.Parse(File.ReadAllBytes(truthFile));
            var t = truth.RootElement;
            var outDir = Path.Combine(_folder.FullName, name);
            var run = await CliRun.Of("process", scan, "--out", outDir);
            run.ExitCode.Should().Be(0, run.Error);
            using var dossier = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "dossier.json")));
            var applicant = dossier.RootElement.GetProperty("applicant");
            var sides = t.GetProperty("sides").GetString();
            var documents = dossier.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("type").GetString()).ToArray();

            var exact = new[] { "idNumber", "dateOfBirth", "sex" }.Select(f => Same(applicant, f, t.GetProperty(f).GetString())).ToArray();
            core += exact.All(e => e) ? 1 : 0;
            var line = $"{name} ({sides}, {documents.Length} documents: {string.Join(", ", documents)}): "
                + string.Join(", ", new[] { "idNumber", "dateOfBirth", "sex", "fullName" }.Select(f => $"{f} {Value(applicant, f)}"));
            if (sides != "back")
            {
                fronts++;
                var nameRight = SameName(Value(applicant, "fullName"), t.GetProperty("fullName").GetString());
                names += nameRight ? 1 : 0;
                if (!nameRight) problems.Add("name: " + line);
                // every 2021 front carries a QR code, and it decodes (small modules, a one-module quiet zone)
                var qr = applicant.GetProperty("idNumber").GetProperty("source").GetString() == "qr";
                qrs += qr ? 1 : 0;
                if (!qr) problems.Add("QR not decoded: " + line);
            }
            if (sides == "both")
            {
                both++;
                bothFound += documents.Count(d => d!.StartsWith("cccd-", StringComparison.Ordinal)) == 2 ? 1 : 0;
            }
            if (!exact.All(e => e)) problems.Add("core: " + line);
            foreach (var field in applicant.EnumerateObject())
            {
                if (field.Value.GetProperty("confidence").GetDouble() >= 0.9 && t.TryGetProperty(field.Name, out var expected)
                    && expected.ValueKind == JsonValueKind.String && !SameName(field.Value.GetProperty("value").GetString(), expected.GetString()))
                    problems.Add($"confidently wrong {field.Name}: {line}");
            }
            log.WriteLine(line);
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{folder}: core fields exact {core}/{truths.Length}, front names {names}/{fronts}, QR decoded {qrs}/{fronts}, both sides found {bothFound}/{both}"));
        problems.Should().BeEmpty();
        core.Should().Be(truths.Length);
        names.Should().Be(fronts);
        bothFound.Should().Be(both);
    }

    [Fact]
    public async Task A_card_reads_the_same_text_through_ocr_and_through_process()
    {
        var scan = Corpus.File("cccd-samples", "c06.png");
        var ocrOut = Path.Combine(_folder.FullName, "ocr");
        var processOut = Path.Combine(_folder.FullName, "process");

        var ocr = await CliRun.Of("ocr", scan, "--lang", "vie", "--out", ocrOut);
        var process = await CliRun.Of("process", scan, "--out", processOut);

        ocr.ExitCode.Should().Be(0, ocr.Error);
        process.ExitCode.Should().Be(0, process.Error);
        var read = Words(File.ReadAllText(Path.Combine(ocrOut, "c06.txt")));
        var document = Directory.GetFiles(processOut, "document-01-*.pdf").Single();
        // the package stamps who scanned, when and the dossier code below the card's own text layer
        var archived = ExternalTool.Run("pdftotext", "-raw", document, "-").Split('\n')
            .Where(l => !l.StartsWith("Người số hóa", StringComparison.Ordinal) && !l.StartsWith("Thời gian quét", StringComparison.Ordinal)
                && !l.StartsWith("Mã hồ sơ", StringComparison.Ordinal));
        read.Should().NotBeEmpty();
        Words(string.Join('\n', archived)).Should().Equal(read);
    }

    private static string[] Words(string text) =>
        text.Normalize(NormalizationForm.FormC).Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries);

    private static string? Value(JsonElement applicant, string field) =>
        applicant.TryGetProperty(field, out var f) && f.ValueKind == JsonValueKind.Object ? f.GetProperty("value").GetString() : null;

    private static bool Same(JsonElement applicant, string field, string? expected) => Value(applicant, field) == expected;

    /// <summary>Names compare in NFC, case-insensitively (the card prints capitals, the QR mixed case).</summary>
    private static bool SameName(string? read, string? expected) =>
        read is not null && expected is not null
        && string.Equals(read.Normalize(NormalizationForm.FormC), expected.Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _folder.Delete(recursive: true);
}
