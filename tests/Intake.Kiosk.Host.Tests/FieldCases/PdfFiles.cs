using Intake.Bench.PageGenerator;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>Generated PDFs for the PDF field cases: pages of Vietnamese text, blank pages, odd boxes and passwords.</summary>
internal static class PdfFiles
{
    /// <summary>One PDF of the given one-page PDFs, in order.</summary>
    public static byte[] Join(IEnumerable<byte[]> pages, Action<PdfDocument>? finish = null)
    {
        using var output = new PdfDocument();
        foreach (var pdf in pages)
        {
            using var stream = new MemoryStream(pdf);
            using var input = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            foreach (var page in input.Pages) output.AddPage(page);
        }

        finish?.Invoke(output);
        using var saved = new MemoryStream();
        output.Save(saved);
        return saved.ToArray();
    }

    /// <summary>A page of text (empty: a blank page) of the given size in millimetres.</summary>
    public static byte[] Page(IReadOnlyList<string> text, double widthMm = VietnamesePage.A4WidthMm, double heightMm = VietnamesePage.A4HeightMm) =>
        VietnamesePage.Compose(text, widthMm, heightMm, points: 13).Pdf;

    /// <summary>Sets every page's boxes: the media box and the crop box (PDF 32000-1:2008, 14.11.2), in points.</summary>
    public static void SetBoxes(PdfDocument document, PdfRectangle media, PdfRectangle crop)
    {
        foreach (var page in document.Pages)
        {
            page.MediaBox = media;
            page.CropBox = crop;
        }
    }
}
