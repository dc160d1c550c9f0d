using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>Finds the paper inside dark scanner borders and edge shadows, and cuts them away.</summary>
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
}
