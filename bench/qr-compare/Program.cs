using System.Diagnostics;
using System.Globalization;
using Intake.Bench.QrCompare;
using Intake.Imaging;
using Intake.Imaging.Codes;
using OpenCvSharp;

// bench/qr-compare: every image of the shared QR corpora through each reader, counting what decodes and what decodes
// right, and the time of the decode call alone (images are loaded before the clock starts). Usage:
//   dotnet Intake.Bench.QrCompare.dll CORPUS [--list]
// --list prints one line per image and reader (for finding what one reader misses).
var corpus = args.Length > 0 ? args[0] : "../shared/corpus";
var list = args.Contains("--list");
var samples = QrSample.All(corpus).ToList();
using var opencv = new QRCodeDetector();
using var wechat = new WeChatQRCode();
var readers = new (string Name, Func<Mat, Image, string?> Read)[]
{
    ("QrReader (this build)", (mat, image) => QrReader.Read(image) is { } code ? (list ? $"[attempt {code.Attempt}] " : "") + code.Text : null),
    ("OpenCV QRCodeDetector", (mat, image) => opencv.DetectAndDecode(mat, out _) is { Length: > 0 } text ? text : null),
    ("WeChatQRCode", (mat, image) => wechat.DetectAndDecode(mat, out _) is { Length: > 0 } texts ? texts[0] : null),
};

if (args.Contains("--orientation"))
{
    // how each reader's corners turn with the image (zbar's own orientation beside them)
    using var source = ImageSource.Open(Path.Combine(corpus, "cccd-samples", "photos", "photo-front-1.jpg"));
    using var photo = source.Decode();
    foreach (var degrees in new[] { 0, 90, 180, 270 })
    {
        using var turned = photo.Rotate(degrees);
        using var mat = ToMat(turned);
        var zbar = QrReader.Read(turned);
        wechat.DetectAndDecode(mat, out var boxes);
        opencv.DetectAndDecode(mat, out var corners);
        string Points(IEnumerable<Point2f> points) => string.Join(" ", points.Select(p => $"({p.X:0},{p.Y:0})"));
        Console.WriteLine($"ccw {degrees}: zbar turned {zbar?.TurnedDegrees} {(zbar is null ? "" : string.Join(" ", zbar.Corners.Select(c => $"({c.X:0},{c.Y:0})")))}");
        Console.WriteLine($"   wechat {(boxes.Length > 0 ? Points(boxes[0]) : "-")}   opencv {Points(corners)}");
    }
    return;
}

var results = new Dictionary<(string Set, string Reader), (int Decoded, int Right, int Checkable, int Images, double Ms)>();
foreach (var sample in samples)
{
    Image image;
    try
    {
        using var source = ImageSource.Open(sample.Path);
        image = source.Decode();
    }
    catch (ImagingException e)
    {
        Console.Error.WriteLine($"skip {sample.Path}: {e.Message}");
        continue;
    }

    // every image is decoded once, by Imaging, and OpenCV's readers get the same pixels: two OpenCV builds decoding
    // files in one process (Debian's 4.6 under the shim, OpenCvSharp's 4.13) clash over libpng and crash
    using var mat = ToMat(image);
    using (image)
    {
        foreach (var (name, read) in readers)
        {
            var clock = Stopwatch.StartNew();
            string? text;
            try
            {
                text = mat.Empty() ? null : read(mat, image);
            }
            catch (OpenCVException)
            {
                text = null;
            }

            var ms = clock.Elapsed.TotalMilliseconds;
            if (text?.StartsWith("[attempt ", StringComparison.Ordinal) == true) text = text[(text.IndexOf(']', StringComparison.Ordinal) + 2)..] + $"\t(attempt {text[9]})";
            var right = text is not null && sample.IsRight(text.Split('\t')[0]);
            var key = (sample.Set, name);
            var sum = results.GetValueOrDefault(key);
            results[key] = (sum.Decoded + (text is null ? 0 : 1), sum.Right + (right ? 1 : 0), sum.Checkable + (sample.Expected is not null || sample.Check is not null ? 1 : 0), sum.Images + 1, sum.Ms + ms);
            if (list) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.Set}\t{name}\t{(text is null ? "-" : right ? "right" : "WRONG")}\t{ms:0.0} ms\t{sample.Path}\t{text?.Replace('\n', ' ')}"));
        }
    }
}

static Mat ToMat(Image image) => image.UsePixels(pixels =>
    Mat.FromPixelData(pixels.Height, pixels.Width, pixels.BytesPerPixel == 1 ? MatType.CV_8UC1 : MatType.CV_8UC3, pixels.Data, pixels.Stride).Clone());

Console.WriteLine("| set | reader | images | decoded | right / checkable | mean ms per image |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
foreach (var set in results.Keys.Select(k => k.Set).Distinct())
    foreach (var (name, _) in readers)
    {
        var r = results[(set, name)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {set} | {name} | {r.Images} | {r.Decoded} | {r.Right} / {r.Checkable} | {r.Ms / r.Images:0.0} |"));
    }
