using System.Globalization;
using System.Text;

namespace Intake.Scanner.Tests.Replay;

/// <summary>
/// A one-page PDF holding one JPEG as it is (DCTDecode), the page exactly the image's size at its dpi: what a scanner's
/// "scan to PDF" or img2pdf writes. Written by hand so the bytes in the PDF are exactly the JPEG given.
/// </summary>
internal static class JpegPdf
{
    public static byte[] Make(byte[] jpeg, int width, int height, double dpi, int components = 1)
    {
        var pageWidth = width * 72 / dpi;
        var pageHeight = height * 72 / dpi;
        var content = Ascii(string.Create(CultureInfo.InvariantCulture, $"q {pageWidth:0.###} 0 0 {pageHeight:0.###} 0 0 cm /Im0 Do Q\n"));
        var colour = components == 3 ? "/DeviceRGB" : "/DeviceGray";
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pageWidth:0.###} {pageHeight:0.###}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>")),
            Stream(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {colour} /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>"), jpeg),
            Stream($"<< /Length {content.Length} >>", content),
        };

        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Stream(string dictionary, byte[] data) => [.. Ascii(dictionary + "\nstream\n"), .. data, .. Ascii("\nendstream")];

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
