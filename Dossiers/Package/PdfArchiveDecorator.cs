using System.Globalization;
using System.Security;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Intake.Dossiers.Package;

/// <summary>
/// Makes a composed PDF declare PDF/A-2b (TCVN 14159, the archival choice for digitised dossiers): PDF 1.7, XMP
/// metadata with pdfaid part 2 conformance B and the dossier/procedure codes, an sRGB output intent with its ICC
/// profile, the same facts in the document information; and stamps the operator's name and the scan time at the top
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

        var metadata = new PdfDictionary(document);
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");
        metadata.CreateStream(Encoding.UTF8.GetBytes(Xmp(info, subject, keywords)));
        document.Internals.AddObject(metadata);
        document.Internals.Catalog.Elements["/Metadata"] = metadata.Reference;

        var profile = new PdfDictionary(document);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(SrgbIccProfile.Bytes);
        document.Internals.AddObject(profile);
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", SrgbIccProfile.Description);
        intent.Elements.SetString("/Info", SrgbIccProfile.Description);
        intent.Elements.SetReference("/DestOutputProfile", profile);
        document.Internals.AddObject(intent);
        var intents = new PdfArray(document);
        intents.Elements.Add(intent.Reference!);
        document.Internals.Catalog.Elements["/OutputIntents"] = intents;
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

    private static string Xmp(PdfArchiveInfo info, string subject, string keywords)
    {
        var created = info.ScannedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return $"""
            <?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                  <pdfaid:part>2</pdfaid:part>
                  <pdfaid:conformance>B</pdfaid:conformance>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:format>application/pdf</dc:format>
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Title)}</rdf:li></rdf:Alt></dc:title>
                  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Escape(subject)}</rdf:li></rdf:Alt></dc:description>
                  <dc:creator><rdf:Seq><rdf:li>{Escape(info.Operator)}</rdf:li></rdf:Seq></dc:creator>
                  <dc:identifier>{Escape(info.DossierCode)}</dc:identifier>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                  <xmp:CreateDate>{created}</xmp:CreateDate>
                  <xmp:CreatorTool>Intake</xmp:CreatorTool>
                  <pdf:Keywords>{Escape(keywords)}</pdf:Keywords>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:intake="https://intake.local/ns/dossier/1.0/">
                  <intake:dossierCode>{Escape(info.DossierCode)}</intake:dossierCode>
                  <intake:procedureCode>{Escape(info.ProcedureCode ?? string.Empty)}</intake:procedureCode>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
