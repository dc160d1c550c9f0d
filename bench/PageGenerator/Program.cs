using System.Globalization;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Ocr;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

// Writes the pages bench/cleanup-vs-peers reads: the generated skew sweep and the shared skewed
// pages that have a transcription, each as NAME.png with NAME.truth.txt, and all.pdf holding the same
// images one per page (for OCRmyPDF), listed in pages.txt in that order.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PageGenerator OUT_DIR CORPUS_DIR");
    return 2;
}
var output = Directory.CreateDirectory(args[0]).FullName;
var corpus = args[1];
var names = new List<string>();

void Write(string name, Image page, string truth)
{
    File.WriteAllBytes(Path.Combine(output, name + ".png"), page.Encode(".png"));
    File.WriteAllText(Path.Combine(output, name + ".truth.txt"), truth);
    names.Add(name);
}

using (var upright = SkewSweep.Upright())
{

    foreach (var degrees in SkewSweep.Angles)
    {
        using var turned = SkewSweep.Turned(upright, degrees);
        Write("sweep" + degrees.ToString("+0;-0;0", CultureInfo.InvariantCulture), turned, SkewSweep.Truth);
    }
}
foreach (var quarter in SkewSweep.QuarterTurns)
{
    var (page, truth) = SkewSweep.Render(quarter);
    using (page) Write(quarter.Name, page, truth);
}
var phototest = File.ReadAllText(Path.Combine(corpus, "tesseract-test", "phototest.txt"));
var eurotext = File.ReadAllText(Path.Combine(corpus, "tesseract-test", "eurotext.txt"));
foreach (var (folder, file, truth) in new[]
{
    ("tesseract-test", "phototest-rotated-L.png", phototest),
    ("tesseract-test", "phototest-rotated-R.png", phototest),
    ("tesseract-test", "phototest-rotated-180.png", phototest),
    ("tess4j", "eurotext_deskew.png", eurotext),
    ("tess4j", "eurotext90.png", eurotext),
})
{
    using var source = ImageSource.Open(Path.Combine(corpus, folder, file));
    using var page = source.Decode();
    Write(Path.GetFileNameWithoutExtension(file), page, truth);
}

using (var document = new PdfDocument())
{
    foreach (var name in names)
    {
        using var image = XImage.FromFile(Path.Combine(output, name + ".png"));
        var pdfPage = document.AddPage();
        pdfPage.Width = XUnit.FromPoint(image.PointWidth);
        pdfPage.Height = XUnit.FromPoint(image.PointHeight);
        using var gfx = XGraphics.FromPdfPage(pdfPage);
        gfx.DrawImage(image, 0, 0, image.PointWidth, image.PointHeight);
    }
    document.Save(Path.Combine(output, "all.pdf"));
}
File.WriteAllLines(Path.Combine(output, "pages.txt"), names);
Console.WriteLine($"{names.Count} pages in {output}");
return 0;
