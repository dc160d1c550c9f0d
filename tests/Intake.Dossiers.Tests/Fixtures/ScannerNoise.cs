using System.Runtime.InteropServices;
using Intake.Imaging;

namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>What a cheap flatbed adds to a page: sensor noise on every channel, then lossy JPEG.</summary>
public static class ScannerNoise
{
    public static byte[] ToJpeg(Image clean, int noise, int quality, int seed)
    {
        ArgumentNullException.ThrowIfNull(clean);
        var (width, height, channels) = (clean.Width, clean.Height, clean.Channels);
        var rowBytes = width * channels;
        var pixels = clean.UsePixels(buffer =>
        {
            var rows = new byte[rowBytes * height];
            for (var y = 0; y < height; y++)
            {
                Marshal.Copy(buffer.Data + (y * buffer.Stride), rows, y * rowBytes, rowBytes);
            }

            return rows;
        });
        var random = new Random(seed);
        for (var i = 0; i < pixels.Length; i++)
        {
            // roughly Gaussian: the mean of two uniforms
            var n = (random.Next(-noise, noise + 1) + random.Next(-noise, noise + 1)) / 2;
            pixels[i] = (byte)Math.Clamp(pixels[i] + n, 0, 255);
        }

        using var noisy = Image.FromPixels(pixels, width, height, channels, rowBytes, clean.DpiX, clean.DpiY);
        return noisy.Encode(".jpg", quality);
    }
}
