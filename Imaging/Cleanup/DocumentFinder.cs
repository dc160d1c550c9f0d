using Intake.Pages;
using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Finds cards and pages lying anywhere, at any angle, on a flatbed scan with a light lid, and cuts
/// each one out upright (cards landscape, pages portrait).
/// </summary>
public static class DocumentFinder
{
    /// <summary>The documents on the scan, largest first, at most <paramref name="maxDocuments"/>.</summary>
    public static unsafe IReadOnlyList<FoundDocument> FindDocuments(Image scan, int maxDocuments = 8)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDocuments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDocuments, 64);
        var regions = stackalloc ImagingNative.DocumentRegion[maxDocuments];
        NativeStatus.Check(ImagingNative.FindDocuments(scan.Handle, maxDocuments, regions, out var count));
        var found = new List<FoundDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var r = regions[i];
            found.Add(new FoundDocument(
                new RotatedBox(r.Region.CenterX, r.Region.CenterY, r.Region.Width, r.Region.Height, r.Region.Angle),
                new PixelRect(r.Bounds.X, r.Bounds.Y, r.Bounds.Width, r.Bounds.Height),
                (DocumentKind)r.Kind,
                r.Confidence));
        }
        return found;
    }

    /// <summary>The document cut out upright, <c>Region.Width</c> × <c>Region.Height</c> pixels, with the scan's dpi.</summary>
    public static Image Extract(Image scan, FoundDocument document)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(document);
        var box = document.Region;
        var region = new ImagingNative.DocumentRegion
        {
            Region = new ImagingNative.RotatedRect { CenterX = box.CenterX, CenterY = box.CenterY, Width = box.Width, Height = box.Height, Angle = box.Degrees },
            Bounds = new ImagingNative.Rect { X = document.Bounds.X, Y = document.Bounds.Y, Width = document.Bounds.Width, Height = document.Bounds.Height },
            Kind = (int)document.Kind,
            Confidence = document.Confidence,
        };
        NativeStatus.Check(ImagingNative.ExtractDocument(scan.Handle, in region, out var result));
        return new Image(result);
    }
}
