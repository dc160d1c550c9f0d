using Intake.Imaging;

namespace Intake.Bench.PageGenerator;

/// <summary>What a cheap scanner does to a page: turns it (counter-clockwise, as Image.Rotate), adds sensor noise and dust.</summary>
public static class ScanDistortion
{
    public static Image Apply(Image upright, double degrees, int seed, int noise = 16, double dustPerMillion = 40)
    {
        ArgumentNullException.ThrowIfNull(upright);
        using var turned = degrees == 0 ? upright.ToGray() : upright.Rotate(degrees);
        using var grey = turned.ToGray();
        var random = new Random(seed);
        var (width, height) = (grey.Width, grey.Height);
        var pixels = grey.UsePixels(buffer =>
        {
            var rows = new byte[width * height];
            for (var y = 0; y < height; y++)
                System.Runtime.InteropServices.Marshal.Copy(buffer.Data + y * buffer.Stride, rows, y * width, width);
            return rows;
        });
        for (var i = 0; i < pixels.Length; i++)
        {
            // Roughly Gaussian: the sum of two uniforms.
            var n = (random.Next(-noise, noise + 1) + random.Next(-noise, noise + 1)) / 2;
            pixels[i] = (byte)Math.Clamp(pixels[i] + n, 0, 255);
        }
        var specks = (int)(dustPerMillion * pixels.Length / 1e6);
        for (var s = 0; s < specks; s++)
        {
            var x = random.Next(1, width - 2);
            var y = random.Next(1, height - 2);
            pixels[y * width + x] = pixels[y * width + x + 1] = pixels[(y + 1) * width + x] = 40;
        }
        return Image.FromPixels(pixels, width, height, 1, width, upright.DpiX, upright.DpiY);
    }
}
