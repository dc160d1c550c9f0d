using System.CommandLine;
using Intake.Kiosk.Host.Reading;
using Intake.Pipeline;
using Intake.Pipeline.Reports;
using Intake.Ocr;
using Intake.Ocr.Orientation;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake ocr IMAGE... [--lang vie+eng] [--out DIR] [--format text,hocr,pdf,json] [--no-cleanup]`.
/// Every page is cleaned (orientation, deskew, border crop, documents on the glass) before it is read,
/// unless --no-cleanup.
/// </summary>
internal static class OcrVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var images = new Argument<string[]>("images") { Arity = ArgumentArity.OneOrMore, Description = "Tệp ảnh / image files (PNG, JPEG, TIFF, WebP, BMP)" };
        var lang = new Option<string>("--lang") { Description = "Ngôn ngữ Tesseract / Tesseract languages", DefaultValueFactory = _ => OcrOptions.DefaultLanguages };
        var outDir = new Option<string?>("--out") { Description = "Thư mục kết quả / output folder (without it, text goes to standard output)" };
        var format = new Option<string>("--format") { Description = "text,hocr,pdf,json", DefaultValueFactory = _ => "text" };
        var noCleanup = new Option<bool>("--no-cleanup") { Description = "Đọc trang như nguyên bản, không xoay, không chỉnh nghiêng / read pages as they are: no orientation, deskew or crop" };
        // Without this, an unknown option such as --bogus would be taken for a file name.
        images.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
                result.AddError($"tùy chọn không có / unknown option '{token.Value}'");
        });
        var command = new Command("ocr", "Nhận dạng chữ trong ảnh / read the text of images") { images, lang, outDir, format, noCleanup };
        command.SetAction(async (parse, token) =>
        {
            if (!OcrFormatsParser.TryParse(parse.GetValue(format)!, out var formats, out var unknown))
            {
                error.WriteLine($"intake: định dạng không hỗ trợ / unknown format '{unknown}' (text, hocr, pdf, json)");
                return IntakeCli.UsageError;
            }
            try
            {
                var cleanup = !parse.GetValue(noCleanup);
                using var engines = new PageEngines(new OcrOptions { Languages = parse.GetValue(lang)! });
                var cleaner = cleanup ? new PageCleaner(engines, new PageCleanerOptions()) : null;
                var batch = new OcrBatch(engines.Readers, cleaner, output, error);
                var request = new OcrBatchRequest(parse.GetValue(images)!, parse.GetValue(outDir), formats, cleanup);
                return await batch.RunAsync(request, token).ConfigureAwait(false);
            }
            catch (OcrException e)
            {
                error.WriteLine($"intake: {e.Message}");
                return IntakeCli.UsageError;
            }
        });
        return command;
    }
}
