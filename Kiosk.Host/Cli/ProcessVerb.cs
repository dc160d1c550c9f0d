using System.CommandLine;
using System.Globalization;
using Intake.Dossiers;
using Intake.Imaging;
using Intake.Kiosk.Host.Processing;
using Intake.Ocr;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake process INPUT... --out DIR [--procedure CODE] [--operator NAME] [--kiosk CODE]`: builds one dossier from
/// every input (images, multi-page TIFF, PDF) and writes its package (dossier.json, dossier.pdf, one PDF per document).
/// Problems with the documents themselves (an unreadable QR, a bad date, an unknown procedure) are checks in the
/// dossier, not errors; only inputs that cannot be read at all stop the command.
/// </summary>
internal static class ProcessVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Ảnh, TIFF nhiều trang hoặc PDF / images, multi-page TIFF or PDF" };
        var outDir = new Option<string>("--out") { Description = "Thư mục hồ sơ / folder for the dossier package", Required = true };
        var procedure = new Option<string?>("--procedure") { Description = "Mã thủ tục, ví dụ 1.001193 / procedure code, e.g. 1.001193" };
        var operatorName = new Option<string>("--operator") { Description = "Người số hóa / operator's name", DefaultValueFactory = _ => Environment.UserName };
        var kiosk = new Option<string>("--kiosk") { Description = "Mã ki-ốt trong mã hồ sơ / kiosk code in the dossier code", DefaultValueFactory = _ => "KIOSK" };
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
                result.AddError($"tùy chọn không có / unknown option '{token.Value}'");
        });
        var command = new Command("process", "Lập hồ sơ từ các trang quét / build a dossier from scanned pages") { inputs, outDir, procedure, operatorName, kiosk };
        command.SetAction((parse, token) =>
        {
            var request = new ProcessRequest(parse.GetValue(inputs)!, parse.GetValue(outDir)!, parse.GetValue(procedure), parse.GetValue(operatorName)!, parse.GetValue(kiosk)!);
            try
            {
                var outcome = DossierProcessing.Run(request, token);
                Report(output, outcome);
                return Task.FromResult(0);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ImagingException or OcrException or ArgumentException)
            {
                error.WriteLine($"intake: {e.Message}");
                return Task.FromResult(IntakeCli.UsageError);
            }
        });
        return command;
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
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã ghi / written: {outcome.Files.Json} ({outcome.Reading.TotalSeconds:0.0} s đọc / reading, {outcome.Packaging.TotalSeconds:0.0} s đóng gói / packaging)"));
    }
}
