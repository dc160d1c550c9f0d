using System.Net;
using System.Text;
using Intake.Ocr;

using Intake.Pipeline;
using Intake.Pipeline.Reports;

namespace Intake.Kiosk.Host.Reading;

/// <summary>Wraps the per-page hOCR fragments Tesseract gives into one hOCR document, pages in order.</summary>
internal static class HocrDocument
{
    public static string Compose(string title, IEnumerable<string?> pages)
    {
        var sb = new StringBuilder();
        sb.AppendLine("""<?xml version="1.0" encoding="UTF-8"?>""");
        sb.AppendLine("""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">""");
        sb.AppendLine("""<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi" lang="vi">""");
        sb.AppendLine(" <head>");
        sb.Append("  <title>").Append(WebUtility.HtmlEncode(title)).AppendLine("</title>");
        sb.AppendLine("""  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>""");
        sb.Append("""  <meta name="ocr-system" content="tesseract """).Append(WebUtility.HtmlEncode(TesseractEngine.Version)).AppendLine(""" via Intake"/>""");
        sb.AppendLine("""  <meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf"/>""");
        sb.AppendLine(" </head>");
        sb.AppendLine(" <body>");
        foreach (var page in pages) sb.Append(page);
        sb.AppendLine(" </body>");
        sb.AppendLine("</html>");
        return sb.ToString();
    }
}
