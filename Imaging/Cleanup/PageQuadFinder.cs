using Intake.Imaging.Native;

namespace Intake.Imaging.Cleanup;

/// <summary>Finds a page photographed on a desk and warps it flat, as a scanner would have seen it.</summary>
public static class PageQuadFinder
{
    public static unsafe PageQuad Find(Image photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var c = stackalloc double[8];
        NativeStatus.Check(ImagingNative.FindPageQuad(photo.Handle, c, out var confidence));
        return new PageQuad(new PagePoint(c[0], c[1]), new PagePoint(c[2], c[3]), new PagePoint(c[4], c[5]), new PagePoint(c[6], c[7]), confidence);
    }

    /// <summary>The quad warped to an upright rectangle sized by its longer opposite sides.</summary>
    public static unsafe Image Warp(Image photo, PageQuad quad)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(quad);
        var c = stackalloc double[8]
        {
            quad.TopLeft.X, quad.TopLeft.Y, quad.TopRight.X, quad.TopRight.Y,
            quad.BottomRight.X, quad.BottomRight.Y, quad.BottomLeft.X, quad.BottomLeft.Y,
        };
        NativeStatus.Check(ImagingNative.WarpQuad(photo.Handle, c, out var result));
        return new Image(result);
    }
}
