using FluentAssertions;
using Intake.Imaging.Cleanup;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Imaging.Tests.Cleanup;

/// <summary>
/// Every OpenCV Mat is owned and disposed when its image or its stage is done: the GC does not see native memory, so a
/// Mat left to the finalizer would grow the process by megabytes a page. 500 pages run through every cleanup stage of
/// Imaging, and the resident set (VmRSS in /proc/self/status) after the warm-up must stay flat. It runs alone (its own
/// collection, not in parallel with the other tests), since their pages would grow the process it measures.
/// </summary>
[Collection(nameof(NativeMemoryTests))]
public sealed class NativeMemoryTests(ITestOutputHelper output)
{
    private const int Pages = 500;
    private const int WarmUp = 50;

    /// <summary>
    /// A leak of the smallest Mat a page makes (its grey analysis view, a third of a megabyte here) would add 150 MB over
    /// the measured pages; allocator arenas and OpenCV's thread pool settle well within this.
    /// </summary>
    private const long AllowedGrowthBytes = 64L << 20;

    [Fact]
    public void Five_hundred_pages_through_cleanup_keep_the_resident_memory_flat()
    {
        // A colour page turned by a few degrees (deskew turns it), at half size so 500 pages take a minute, not four.
        byte[] encoded;
        using (var source = ImageSource.Open(Corpus.File("tess4j", "eurotext_deskew.png")))
        using (var full = source.Decode())
        using (var half = full.Scale(0.5))
            encoded = half.Encode(".png");
        var deskewer = new Deskewer();
        var blank = new BlankPageDetector();
        long baseline = 0, highest = 0;
        for (var i = 0; i < Pages; i++)
        {
            CleanOnePage(encoded, deskewer, blank);
            if (i + 1 == WarmUp) baseline = ResidentBytes();
            if (i + 1 > WarmUp) highest = Math.Max(highest, ResidentBytes());
        }
        output.WriteLine($"resident after {WarmUp} pages: {baseline >> 20} MB; highest over the next {Pages - WarmUp}: {highest >> 20} MB");
        (highest - baseline).Should().BeLessThan(AllowedGrowthBytes, "every Mat of every stage is disposed with its page");
    }

    /// <summary>Every stage of Imaging a page meets in the pipeline, each result disposed as the pipeline does.</summary>
    private static void CleanOnePage(byte[] encoded, Deskewer deskewer, BlankPageDetector blank)
    {
        using var source = ImageSource.FromBytes(encoded);
        using var decoded = source.Decode();
        using var page = decoded.WithDpi(150, 150);
        _ = DpiEstimator.Estimate(page);
        _ = DocumentFinder.FindDocuments(page);
        using var cropped = page.Crop(ContentCropper.FindPaper(page));
        _ = blank.Judge(cropped);
        var straightened = deskewer.Straighten(cropped, inkMargin: 75);
        using var turned = straightened.Rotated ? straightened.Page : null;
        var straight = turned ?? cropped;
        _ = OrientationCues.Measure(straight);
        using var quarter = straight.Rotate(90);
        using var ocrCopy = OcrBinarizer.MakeOcrCopy(straight);
        var (barsCopy, _) = DarkBarInverter.Invert(straight);
        barsCopy.Dispose();
        var scale = ReadingResolution.Measure(ocrCopy);
        using var reading = ReadingResolution.ForReading(ocrCopy, scale);
        _ = CaptureQuality.Measure(page);
        _ = PageQuadFinder.Find(page);
        _ = straight.Encode(".jpg").Length;
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException("no VmRSS in /proc/self/status");
    }
}

/// <summary>The memory test's collection: xunit runs it after the parallel ones, with nothing beside it.</summary>
[CollectionDefinition(nameof(NativeMemoryTests), DisableParallelization = true)]
public sealed class RunsAlone;
