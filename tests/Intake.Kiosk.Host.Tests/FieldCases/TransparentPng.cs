using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Intake.TestSupport;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>The ways a PNG can make its paper transparent (PNG 1.2, sections 4.1.1 and 4.2.1.1).</summary>
public enum PngAlphaKind
{
    Rgba8,
    Rgba16,
    GreyAlpha8,
    GreyAlpha16,
    PaletteWithTrns,
    GreyColourKey,
    RgbColourKey,
}

/// <summary>
/// Writes a grey page (0 ink … 255 paper) as a PNG whose paper is transparent and whose colour under the
/// transparency is black, the worst case: a decoder that drops the alpha shows a black page. Ink stays opaque.
/// </summary>
public static class TransparentPng
{
    /// <param name="grey">Rows of 8-bit grey pixels, <paramref name="width"/> per row.</param>
    public static byte[] Encode(ReadOnlySpan<byte> grey, int width, int height, PngAlphaKind kind, double dpi)
    {
        var (colourType, depth, bytesPerPixel) = kind switch
        {
            PngAlphaKind.Rgba8 => (6, 8, 4),
            PngAlphaKind.Rgba16 => (6, 16, 8),
            PngAlphaKind.GreyAlpha8 => (4, 8, 2),
            PngAlphaKind.GreyAlpha16 => (4, 16, 4),
            PngAlphaKind.PaletteWithTrns => (3, 8, 1),
            PngAlphaKind.GreyColourKey => (0, 8, 1),
            PngAlphaKind.RgbColourKey => (2, 8, 3),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var raw = new byte[height * (1 + width * bytesPerPixel)];
        var at = 0;
        for (var y = 0; y < height; y++)
        {
            raw[at++] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var g = grey[y * width + x];
                var alpha = (byte)(255 - g); // ink opaque, paper transparent, black underneath
                switch (kind)
                {
                    case PngAlphaKind.Rgba8:
                        raw[at++] = 0; raw[at++] = 0; raw[at++] = 0; raw[at++] = alpha;
                        break;
                    case PngAlphaKind.Rgba16:
                        for (var c = 0; c < 3; c++) { raw[at++] = 0; raw[at++] = 0; }
                        raw[at++] = alpha; raw[at++] = alpha;
                        break;
                    case PngAlphaKind.GreyAlpha8:
                        raw[at++] = 0; raw[at++] = alpha;
                        break;
                    case PngAlphaKind.GreyAlpha16:
                        raw[at++] = 0; raw[at++] = 0; raw[at++] = alpha; raw[at++] = alpha;
                        break;
                    case PngAlphaKind.PaletteWithTrns:
                        raw[at++] = (byte)(g >> 4); // 16 entries, all black, alpha falling with the grey level
                        break;
                    case PngAlphaKind.GreyColourKey:
                        raw[at++] = g > 160 ? (byte)0 : (byte)Math.Max(1, (int)g); // paper is the key colour 0
                        break;
                    case PngAlphaKind.RgbColourKey:
                        if (g > 160) { raw[at++] = 0; raw[at++] = 0; raw[at++] = 0; }
                        else { raw[at++] = (byte)Math.Max(1, g / 2); raw[at++] = (byte)Math.Max(1, g / 2); raw[at++] = (byte)Math.Max(1, (int)g); }
                        break;
                }
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)depth;
        ihdr[9] = (byte)colourType;
        PngChunk.Write(png, "IHDR", ihdr);
        var phys = new byte[9];
        var perMetre = (int)Math.Round(dpi / 0.0254);
        BinaryPrimitives.WriteInt32BigEndian(phys, perMetre);
        BinaryPrimitives.WriteInt32BigEndian(phys.AsSpan(4), perMetre);
        phys[8] = 1;
        PngChunk.Write(png, "pHYs", phys);
        switch (kind)
        {
            case PngAlphaKind.PaletteWithTrns:
                PngChunk.Write(png, "PLTE", new byte[16 * 3]);
                PngChunk.Write(png, "tRNS", [.. Enumerable.Range(0, 16).Select(i => (byte)(255 - i * 17))]);
                break;
            case PngAlphaKind.GreyColourKey:
                PngChunk.Write(png, "tRNS", [0, 0]);
                break;
            case PngAlphaKind.RgbColourKey:
                PngChunk.Write(png, "tRNS", [0, 0, 0, 0, 0, 0]);
                break;
        }

        using (var zlib = new MemoryStream())
        {
            using (var z = new ZLibStream(zlib, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
            PngChunk.Write(png, "IDAT", zlib.ToArray());
        }

        PngChunk.Write(png, "IEND", []);
        return png.ToArray();
    }
}
