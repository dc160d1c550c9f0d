using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Intake.Dossiers.Package;

/// <summary>
/// Makes a composed PDF declare PDF/A-2b (TCVN 14159, the archival choice for digitised dossiers): PDF 1.7, XMP
/// metadata with pdfaid part 2 conformance B, an sRGB output intent, the dossier and procedure codes and the title in
/// the document information and its XMP twin; and stamps the operator's name and the scan time at the top
/// left of page 1 (Circular 01/2023/TT-VPCP) in an embedded font.
/// </summary>
public static class PdfArchiveDecorator
{
    public static void Apply(PdfDocument document, PdfArchiveInfo info)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(info);
        document.Version = 17;
        var subject = info.ProcedureCode is null
            ? $"Hồ sơ {info.DossierCode}"
            : $"Hồ sơ {info.DossierCode} - thủ tục {info.ProcedureCode} {info.ProcedureName}";
        var keywords = string.Join(", ", new[] { info.DossierCode, info.ProcedureCode }.Where(k => k is not null));
        document.Info.Title = info.Title;
        document.Info.Subject = subject;
        document.Info.Keywords = keywords;
        document.Info.Author = info.Operator;
        document.Info.Creator = "Intake";
        document.Info.CreationDate = info.ScannedAt.UtcDateTime;

        if (document.PageCount > 0)
        {
            Stamp(document.Pages[0], info);
        }

        // PDFsharp writes the XMP packet itself on save (replacing any other), from the information above; in PDF/A
        // mode it also embeds its sRGB output intent and keeps to PDF/A's rules. It declares part 1 conformance A,
        // which Declare() turns into part 2 conformance B in the saved bytes.
        document.SetPdfA();
    }

    /// <summary>
    /// Rewrites PDFsharp's identification (pdfaid part 1, conformance A) as PDF/A-2b in the saved file. The
    /// replacement has the same length, so every byte offset in the cross-reference table stays right.
    /// </summary>
    public static byte[] Declare(byte[] saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        Replace(saved, "<pdfaid:part>1</pdfaid:part>", "<pdfaid:part>2</pdfaid:part>");
        Replace(saved, "<pdfaid:conformance>A</pdfaid:conformance>", "<pdfaid:conformance>B</pdfaid:conformance>");
        return saved;
    }

    private static void Replace(byte[] bytes, string from, string to)
    {
        var needle = Encoding.ASCII.GetBytes(from);
        var replacement = Encoding.ASCII.GetBytes(to);
        var at = bytes.AsSpan().IndexOf(needle);
        if (at >= 0)
        {
            replacement.CopyTo(bytes, at);
        }
    }

    /// <summary>Người số hóa and thời điểm quét, top left of the page, on a white ground so it stays legible over the scan.</summary>
    private static void Stamp(PdfPage page, PdfArchiveInfo info)
    {
        PackageFonts.EnsureInstalled();
        using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        // the whole font: PDFsharp's subsets drop the parts of composite glyphs (ố, Ệ), which Vietnamese names need
        var font = new XFont(PackageFonts.Sans, 7, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile));
        var time = info.ScannedAt.ToString("dd/MM/yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
        string[] lines =
        [
            $"Người số hóa / Scanned by: {info.Operator}",
            $"Thời gian quét / Scanned at: {time}",
            $"Mã hồ sơ / Dossier: {info.DossierCode}",
        ];
        var width = lines.Max(l => gfx.MeasureString(l, font).Width) + 8;
        gfx.DrawRectangle(new XPen(XColors.DarkGray, 0.5), XBrushes.White, 6, 6, width, (lines.Length * 9) + 6);
        for (var i = 0; i < lines.Length; i++)
        {
            gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(10, 10 + (i * 9)), XStringFormats.TopLeft);
        }
    }

}
