using Intake.Pages;
using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>
/// Finds the paper inside dark scanner borders and edge shadows, and cuts them away; finds the ink on
/// a page, so blank canvas (the white corners a deskew rotation adds) can be cut away too.
/// </summary>
public static class ContentCropper
{
    /// <summary>The paper area; the whole image when there is no border.</summary>
    public static PixelRect FindPaper(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return ImagingFailure.Guard(() =>
        {
            var view = page.Views.View(out var scale);
            var found = page.Views.Paper();
            var full = new Rect(0, 0, page.Width, page.Height);
            var r = full;
            if (found != new Rect(0, 0, view.Cols, view.Rows))
            {
                // Inward rounding: a border pixel of the view must not bring border back into the page.
                int left = (int)Math.Ceiling(found.X / scale), top = (int)Math.Ceiling(found.Y / scale);
                int right = (int)Math.Floor(found.Right / scale), bottom = (int)Math.Floor(found.Bottom / scale);
                r = new Rect(left, top, Math.Max(1, right - left), Math.Max(1, bottom - top)) & full;
            }
            return new PixelRect(r.X, r.Y, r.Width, r.Height);
        });
    }

    /// <summary>The page without its borders, or <paramref name="page"/> itself when it has none.</summary>
    public static Image Crop(Image page)
    {
        var paper = FindPaper(page);
        return paper == new PixelRect(0, 0, page.Width, page.Height) ? page : page.Crop(paper);
    }

    /// <summary>
    /// The marks on the page larger than dust, grown by <paramref name="margin"/> pixels on each side
    /// and clipped to the page; the whole page when it carries no ink.
    /// </summary>
    public static PixelRect FindInk(Image page, int margin)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        return ImagingFailure.Guard(() =>
        {
            var ink = InkBounds(page);
            var grown = new Rect(ink.X - margin, ink.Y - margin, ink.Width + 2 * margin, ink.Height + 2 * margin) & new Rect(0, 0, page.Width, page.Height);
            return new PixelRect(grown.X, grown.Y, grown.Width, grown.Height);
        });
    }

    /// <summary>Bounds of the ink at working size, scaled back to the image's pixels; the whole image without ink.</summary>
    private static Rect InkBounds(Image image)
    {
        Rect? bounds = null;
        foreach (var mark in image.Views.InkMarks(out _))
        {
            bounds = bounds is { } b ? b | mark : mark;
        }
        var full = new Rect(0, 0, image.Width, image.Height);
        if (bounds is not { } found) return full;
        image.Views.View(out var scale);
        // Outward rounding: a working pixel covers 1/scale image pixels.
        int left = (int)Math.Floor(found.X / scale), top = (int)Math.Floor(found.Y / scale);
        int right = (int)Math.Ceiling(found.Right / scale), bottom = (int)Math.Ceiling(found.Bottom / scale);
        return new Rect(left, top, right - left, bottom - top) & full;
    }
}
