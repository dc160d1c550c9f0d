using Intake.Imaging;
using Intake.Ocr;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Intake.Bench.PageGenerator;

/// <summary>
/// Renders Vietnamese text the way a printer would: laid out with PDFsharp in DejaVu Serif on a page
/// of the given size, then rasterised by pdftoppm. The returned truth is the text exactly as laid
/// out (lines joined by newlines), for character error rates. Text is composed to NFC first: PDFsharp
/// does no shaping, so a separate combining mark would be misplaced.
/// </summary>
public static class VietnamesePage
{
    public const double A4WidthMm = 210, A4HeightMm = 297;

    /// <summary>
    /// A PDF of one page <paramref name="widthMm"/> × <paramref name="heightMm"/> holding <paramref name="paragraphs"/>,
    /// wrapped to fit, in <paramref name="family"/> (one of <see cref="DejaVuFontResolver.Families"/>). The text block is
    /// <paramref name="blockWidthMm"/> wide from the left margin (by default the page between its margins).
    /// </summary>
    public static (byte[] Pdf, string Truth) Compose(IReadOnlyList<string> paragraphs, double widthMm = A4WidthMm, double heightMm = A4HeightMm, double points = 12, double marginMm = 20,
        string family = DejaVuFontResolver.Family, double? blockWidthMm = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(widthMm);
        page.Height = XUnit.FromMillimeter(heightMm);
        var lines = new List<string>();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            // The whole font file is embedded: PDFsharp's subsetter drops the parts of composite glyphs
            // (Ộ, Ế, ạ are built from a base letter and a mark), which would print "CÔNG" for "CỘNG".
            var font = new XFont(family, points, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile));
            var margin = XUnit.FromMillimeter(marginMm).Point;
            var width = blockWidthMm is { } block ? XUnit.FromMillimeter(block).Point : page.Width.Point - 2 * margin;
            var y = margin;
            var leading = points * 1.6;
            foreach (var paragraph in paragraphs.Select(p => p.Normalize(System.Text.NormalizationForm.FormC)))
            {
                foreach (var line in Wrap(gfx, font, paragraph, width))
                {
                    if (y + leading > page.Height.Point - margin) break;
                    gfx.DrawString(line, font, XBrushes.Black, new XPoint(margin, y), XStringFormats.TopLeft);
                    lines.Add(line);
                    y += leading;
                }
                y += leading * 0.5;
            }
        }
        using var pdf = new MemoryStream();
        document.Save(pdf);
        return (pdf.ToArray(), string.Join('\n', lines) + "\n");
    }

    /// <summary>The first page of <paramref name="pdf"/> as 8-bit grey at <paramref name="dpi"/>, by pdftoppm.</summary>
    public static Image Rasterise(byte[] pdf, int dpi)
    {
        var folder = Directory.CreateTempSubdirectory("intake-page-");
        try
        {
            var input = Path.Combine(folder.FullName, "page.pdf");
            File.WriteAllBytes(input, pdf);
            return PdfRaster.Rasterise(input, dpi, grey: true);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, XFont font, string paragraph, double width)
    {
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0) yield return line;
    }
}
