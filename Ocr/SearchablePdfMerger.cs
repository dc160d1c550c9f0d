using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Intake.Ocr;

/// <summary>
/// Joins one-page searchable PDFs (as Tesseract renders them, one per engine and page) into one
/// document in page order, keeping each page's image and text layer as they are.
/// </summary>
public static class SearchablePdfMerger
{
    public static byte[] Merge(IEnumerable<byte[]> pages, string title)
    {
        ArgumentNullException.ThrowIfNull(pages);
        using var output = new PdfDocument();
        output.Info.Title = title;
        output.Info.Creator = "Intake";
        foreach (var page in pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            using var input = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            foreach (var p in input.Pages) output.AddPage(p);
        }
        using var result = new MemoryStream();
        output.Save(result);
        return result.ToArray();
    }
}
