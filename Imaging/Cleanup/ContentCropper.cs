using Intake.Pages;
using Intake.Imaging.Native;

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
        NativeStatus.Check(ImagingNative.ContentBounds(page.Handle, out var r));
        return new PixelRect(r.X, r.Y, r.Width, r.Height);
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
        NativeStatus.Check(ImagingNative.InkBounds(page.Handle, margin, out var r));
        return new PixelRect(r.X, r.Y, r.Width, r.Height);
    }
}
