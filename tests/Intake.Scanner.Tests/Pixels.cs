using System.Runtime.InteropServices;
using Intake.Imaging;

namespace Intake.Scanner.Tests;

/// <summary>Copies pixels out of an image so tests can look at them.</summary>
internal static class Pixels
{
    public static byte[] Row(Image image, int y) => image.UsePixels(p =>
    {
        var row = new byte[p.Width * p.BytesPerPixel];
        Marshal.Copy(p.Data + y * p.Stride, row, 0, row.Length);
        return row;
    });

    public static byte[] All(Image image)
    {
        var all = new List<byte>();
        for (var y = 0; y < image.Height; y++) all.AddRange(Row(image, y));
        return [.. all];
    }
}
