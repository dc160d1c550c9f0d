using Intake.Dossiers.Package;
using Intake.Imaging;
using Intake.Pages;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Intake.Pipeline;

/// <summary>
/// The one-page searchable PDF of a page that kept its own text layer, in the shape the OCR engine gives for a page it
/// read (the picture with its lines laid invisibly over it, each across its box), so the dossier's PDFs are composed the
/// same way whichever gave the text. The words are drawn fully transparent (PDF/A-2b allows it), in DejaVu, which
/// has every Vietnamese letter and is embedded.
/// </summary>
internal static class TextLayerPdf
{
    private const double PointsPerInch = 72;

    public static byte[] Compose(Image picture, PageText text)
    {
        PackageFonts.EnsureInstalled();
        var scale = PointsPerInch / (text.Dpi > 0 ? text.Dpi : 300);
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(picture.Width * scale);
        page.Height = XUnit.FromPoint(picture.Height * scale);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            using (var stream = new MemoryStream(picture.Encode(".jpg", 85), writable: false))
            using (var image = XImage.FromStream(stream))
            {
                gfx.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
            }

            var invisible = new XSolidBrush(XColor.FromArgb(0, 0, 0, 0));
            // one string per line, stretched over the line's width (as OCRmyPDF's hOCR transform does), so text
            // extraction finds the line's words together and in order
            foreach (var line in text.Words.GroupBy(w => (w.Block, w.Line)))
            {
                var left = line.Min(w => w.Box.X) * scale;
                var top = line.Min(w => w.Box.Y) * scale;
                var right = line.Max(w => w.Box.Right) * scale;
                var bottom = line.Max(w => w.Box.Bottom) * scale;
                var words = string.Join(' ', line.Select(w => w.Text));
                var font = new XFont(PackageFonts.Sans, Math.Max(1, (bottom - top) / 1.2));
                var width = gfx.MeasureString(words, font).Width;
                if (width <= 0) continue;
                var state = gfx.Save();
                gfx.TranslateTransform(left, bottom - ((bottom - top) * 0.2));
                gfx.ScaleTransform((right - left) / width, 1);
                gfx.DrawString(words, font, invisible, 0, 0, XStringFormats.BaseLineLeft);
                gfx.Restore(state);
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
