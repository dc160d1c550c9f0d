using Intake.Dossiers.Package;
using Intake.Imaging;
using Intake.Pages;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Intake.Pipeline;

/// <summary>
/// The one-page searchable PDF of a page that kept its own text layer, in the shape the OCR engine gives for a page it
/// read (the picture with its words laid invisibly over it, each in its box), so the dossier's PDFs are composed the
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
            var fonts = new Dictionary<int, XFont>();
            foreach (var word in text.Words)
            {
                // the glyphs' em box is about 1.2 × their ink height; sizes rounded to a point so fonts are shared
                var size = Math.Max(1, (int)Math.Round(word.Box.Height * scale / 1.2));
                if (!fonts.TryGetValue(size, out var font)) fonts[size] = font = new XFont(PackageFonts.Sans, size);
                gfx.DrawString(word.Text, font, invisible, new XRect(word.Box.X * scale, word.Box.Y * scale, word.Box.Width * scale, word.Box.Height * scale), XStringFormats.BottomLeft);
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
