using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Intake.Dossiers.Package;

/// <summary>
/// Composes the dossier's PDFs from the OCR engine's one-page searchable PDFs. <c>dossier.pdf</c> has one page per
/// physical page, in scan order (Circular 01/2023): a page read whole is its upright searchable page; a page holding
/// cards is the scan itself with each card's searchable layer laid exactly over the card, so the text is findable
/// where the card lies. A document's own PDF has its pieces' pages. Both are decorated as PDF/A-2b.
/// </summary>
public static class DossierPdfComposer
{
    private const double PointsPerInch = 72;

    public static byte[] Dossier(PdfArchiveInfo info, IReadOnlyList<ScannedPagePicture> pages, IReadOnlyList<PieceLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(layers);
        using var output = new PdfDocument();
        foreach (var picture in pages.OrderBy(p => p.PageIndex))
        {
            var onPage = layers.Where(l => l.PageIndex == picture.PageIndex).ToArray();
            if (onPage.FirstOrDefault(l => l.WholePage) is { } whole)
            {
                Import(output, whole.SearchablePdf);
                continue;
            }

            var scale = PointsPerInch / (picture.Dpi > 0 ? picture.Dpi : 300);
            var page = output.AddPage();
            page.Width = XUnit.FromPoint(picture.Width * scale);
            page.Height = XUnit.FromPoint(picture.Height * scale);
            using var gfx = XGraphics.FromPdfPage(page);
            using (var stream = new MemoryStream(picture.Encoded, writable: false))
            using (var image = XImage.FromStream(stream))
            {
                gfx.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
            }

            foreach (var layer in onPage)
            {
                using var stream = new MemoryStream(layer.SearchablePdf, writable: false);
                using var form = XPdfForm.FromStream(stream);
                var state = gfx.Save();
                gfx.TranslateTransform(layer.CenterX * scale, layer.CenterY * scale);
                gfx.RotateTransform(-layer.Degrees); // XGraphics turns clockwise on screen; layers are counter-clockwise
                gfx.DrawImage(form, -layer.Width * scale / 2, -layer.Height * scale / 2, layer.Width * scale, layer.Height * scale);
                gfx.Restore(state);
            }
        }

        return Save(output, info);
    }

    public static byte[] Document(PdfArchiveInfo info, IEnumerable<PieceLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        using var output = new PdfDocument();
        foreach (var layer in layers)
        {
            Import(output, layer.SearchablePdf);
        }

        return Save(output, info);
    }

    private static void Import(PdfDocument output, byte[] pdf)
    {
        using var stream = new MemoryStream(pdf, writable: false);
        using var input = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        foreach (var page in input.Pages)
        {
            output.AddPage(page);
        }
    }

    private static byte[] Save(PdfDocument output, PdfArchiveInfo info)
    {
        PdfArchiveDecorator.Apply(output, info);
        using var result = new MemoryStream();
        output.Save(result);
        return PdfArchiveDecorator.Declare(result.ToArray());
    }
}
