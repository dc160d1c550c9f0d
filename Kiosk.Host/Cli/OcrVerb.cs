using System.CommandLine;
using Intake.Kiosk.Host.Pipeline;
using Intake.Ocr;

namespace Intake.Kiosk.Host.Cli;

/// <summary>`intake ocr IMAGE... [--lang vie+eng] [--out DIR] [--format text,hocr,pdf,json]`.</summary>
internal static class OcrVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var images = new Argument<string[]>("images") { Arity = ArgumentArity.OneOrMore, Description = "Tệp ảnh / image files (PNG, JPEG, TIFF, WebP, BMP)" };
        var lang = new Option<string>("--lang") { Description = "Ngôn ngữ Tesseract / Tesseract languages", DefaultValueFactory = _ => OcrOptions.DefaultLanguages };
        var outDir = new Option<string?>("--out") { Description = "Thư mục kết quả / output folder (without it, text goes to standard output)" };
        var format = new Option<string>("--format") { Description = "text,hocr,pdf,json", DefaultValueFactory = _ => "text" };
        // Without this, an unknown option such as --bogus would be taken for a file name.
        images.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
                result.AddError($"tùy chọn không có / unknown option '{token.Value}'");
        });
        var command = new Command("ocr", "Nhận dạng chữ trong ảnh / read the text of images") { images, lang, outDir, format };
        command.SetAction(async (parse, token) =>
        {
            if (!OcrFormatsParser.TryParse(parse.GetValue(format)!, out var formats, out var unknown))
            {
                error.WriteLine($"intake: định dạng không hỗ trợ / unknown format '{unknown}' (text, hocr, pdf, json)");
                return IntakeCli.UsageError;
            }
            try
            {
                using var pool = new OcrEnginePool(new OcrOptions { Languages = parse.GetValue(lang)! });
                var batch = new OcrBatch(pool, output, error);
                return await batch.RunAsync(new OcrBatchRequest(parse.GetValue(images)!, parse.GetValue(outDir), formats), token).ConfigureAwait(false);
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
