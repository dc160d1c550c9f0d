using System.CommandLine;
using System.Globalization;
using Intake.Dossiers;
using Intake.Imaging;
using Intake.Kiosk.Host.Processing;
using Intake.Ocr;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake process INPUT... [--out DIR] [--data DIR] [--procedure CODE] [--operator NAME] [--kiosk CODE]`: builds one
/// dossier from every input (images, multi-page TIFF, PDF), commits it to the kiosk's store (which numbers it), and with
/// --out also writes the plain package (dossier.json, dossier.pdf, one PDF per document).
/// Problems with the documents themselves (an unreadable QR, a bad date, an unknown procedure) are checks in the
/// dossier, not errors; only inputs that cannot be read at all stop the command.
/// </summary>
internal static class ProcessVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Ảnh, TIFF nhiều trang hoặc PDF / images, multi-page TIFF or PDF" };
        var outDir = new Option<string?>("--out") { Description = "Thêm một bản hồ sơ dạng tệp vào thư mục này / also write the plain package into this folder" };
        var dossier = new DossierOptions();
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
                result.AddError($"tùy chọn không có / unknown option '{token.Value}'");
        });
        var command = new Command("process", "Lập hồ sơ từ các trang quét / build a dossier from scanned pages") { inputs, outDir };
        dossier.AddTo(command);
        command.SetAction((parse, token) =>
            Task.FromResult(Build(dossier.Request(parse, parse.GetValue(inputs)!, parse.GetValue(outDir)), output, error, token)));
        return command;
    }

    /// <summary>
    /// Builds and writes the dossier, then prints its summary; what `intake process` does once its arguments are read,
    /// and `intake scan --process` once the pages are on disk. Inputs that cannot be read are one line each and exit
    /// code 2; the dossier is still built from the others. Progress goes to standard output every
    /// <see cref="ProgressEvery"/> pages when there are more than that.
    /// </summary>
    public static int Build(ProcessRequest request, TextWriter output, TextWriter error, CancellationToken token)
    {
        try
        {
            var outcome = DossierProcessing.Run(request, token, (done, total) => Progress(output, done, total));
            foreach (var refusal in outcome.Refusals) error.WriteLine($"intake: {refusal}");
            Report(output, outcome);
            return outcome.Refusals.Count > 0 ? IntakeCli.UsageError : 0;
        }
        // InvalidOperationException: poppler's tools missing; StoreException: the store is in use, full, without its
        // key, or the commit failed (then nothing of the dossier is in the store and its code is not used up)
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ImagingException or OcrException or ArgumentException
                                   or InvalidOperationException or StoreException or IOException)
        {
            foreach (var line in e.Message.Split(Environment.NewLine)) error.WriteLine($"intake: {line}");
            return IntakeCli.UsageError;
        }
    }

    private const int ProgressEvery = 10;

    private static void Progress(TextWriter output, int done, int total)
    {
        if (total <= ProgressEvery || (done % ProgressEvery != 0 && done != total)) return;
        lock (output) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã đọc / read {done}/{total} trang / pages"));
    }

    private static void Report(TextWriter output, ProcessOutcome outcome)
    {
        var dossier = outcome.Dossier;
        output.WriteLine($"Hồ sơ / dossier {dossier.Code}: {dossier.Pages.Count} trang / pages, {dossier.Documents.Count} giấy tờ / documents");
        if (dossier.Procedure is { } procedure)
            output.WriteLine($"Thủ tục / procedure {procedure.Code} {procedure.Name}");
        foreach (var document in dossier.Documents)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {document.Type} (trang / pages {string.Join(",", document.PageIndexes.Select(p => p + 1))}, {document.TypeConfidence:0.00})"));
        if (dossier.Applicant.FullName is { } name)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Người nộp / applicant: {name.Value} ({name.Source.ToString().ToLowerInvariant()}, {name.Confidence:0.00})"));
        foreach (var item in dossier.Checklist)
            output.WriteLine($"  [{(item.Present ? "x" : " ")}] {item.DocumentType}");
        var failed = dossier.Checks.Count(c => !c.Passed);
        output.WriteLine($"Kiểm tra / checks: {dossier.Checks.Count - failed} đạt / passed, {failed} cần xem / failed");
        if (outcome.Opening.Recovery is { } recovery)
            output.WriteLine($"intake: {recovery}");
        foreach (var problem in outcome.Opening.Problems)
            output.WriteLine($"intake: {problem}");
        foreach (var notice in outcome.Notices)
            output.WriteLine($"intake: {notice}");
        output.WriteLine($"Đã lưu vào kho / committed to the store: {outcome.Stored.Code} (phiên bản / version {outcome.Stored.Version})");
        var written = outcome.Files is { } files ? $"{files.Json} " : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã ghi / written: {written}({outcome.Reading.TotalSeconds:0.0} s đọc / reading, {outcome.Packaging.TotalSeconds:0.0} s đóng gói và lưu / packaging and committing)"));
    }

    /// <summary>The options that shape the dossier, shared by `intake process` and `intake scan --process`.</summary>
    internal sealed class DossierOptions
    {
        public Option<string?> Procedure { get; } = new("--procedure") { Description = "Mã thủ tục, ví dụ 1.001193 / procedure code, e.g. 1.001193" };

        public Option<string> Operator { get; } = new("--operator") { Description = "Người số hóa / operator's name", DefaultValueFactory = _ => Environment.UserName };

        public Option<string> Kiosk { get; } = CreateKioskOption();

        public StoreCliOptions Store { get; } = new();

        public IEnumerable<Option> All => [Procedure, Operator, Kiosk, .. Store.All];

        public void AddTo(Command command)
        {
            foreach (var option in All) command.Options.Add(option);
        }

        private static Option<string> CreateKioskOption()
        {
            var kiosk = new Option<string>("--kiosk")
            {
                Description = "Mã ki-ốt trong mã hồ sơ <ki-ốt>-<yymmdd>-<NNNN>; số thứ tự lưu trong kho / kiosk code in the dossier code; the sequence is kept in the store",
                DefaultValueFactory = _ => "KIOSK",
            };
            kiosk.Validators.Add(result =>
            {
                if (result.Tokens.Count > 0 && !DossierCode.IsValidKioskCode(result.Tokens[^1].Value))
                    result.AddError($"mã ki-ốt chỉ gồm chữ, số và dấu chấm / the kiosk code is letters, digits and dots: '{result.Tokens[^1].Value}'");
            });
            return kiosk;
        }

        public ProcessRequest Request(ParseResult parse, IReadOnlyList<string> inputs, string? outputFolder) =>
            new(inputs, outputFolder, parse.GetValue(Procedure), parse.GetValue(Operator)!, parse.GetValue(Kiosk)!, Store.Resolve(parse));
    }
}
