using static Intake.Imaging.Decoding.ByteOrder;

namespace Intake.Imaging.Decoding;

/// <summary>
/// Header readers: format, declared size and dpi of an encoded image, and container-level truncation checks, all from
/// the bytes alone. They run before any pixel buffer is allocated, so a hostile header (30000x30000) is refused cheaply
/// and a truncated file is reported as such instead of half-decoded.
/// </summary>
internal static class ImageProbe
{
    private const double MetresPerInch = 0.0254;

    public static ImageFormat Sniff(ReadOnlySpan<byte> d)
    {
        if (d.Length >= 8 && d[0] == 0x89 && d[1..8].SequenceEqual("PNG\r\n\x1a\n"u8)) return ImageFormat.Png;
        if (d.Length >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) return ImageFormat.Jpeg;
        if (d.Length >= 4 && (d[..4].SequenceEqual("II*\0"u8) || d[..4].SequenceEqual("MM\0*"u8) || d[..4].SequenceEqual("II+\0"u8) || d[..4].SequenceEqual("MM\0+"u8)))
            return ImageFormat.Tiff;
        if (d.Length >= 12 && d[..4].SequenceEqual("RIFF"u8) && d[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        if (d.Length >= 2 && d[0] == 'B' && d[1] == 'M') return ImageFormat.Bmp;
        return ImageFormat.Unknown;
    }

    public static PageInfo[] Pages(ReadOnlySpan<byte> d, ImageFormat format) => format switch
    {
        ImageFormat.Png => [Png(d)],
        ImageFormat.Jpeg => [Jpeg(d)],
        ImageFormat.Bmp => [Bmp(d)],
        ImageFormat.WebP => [WebP(d)],
        ImageFormat.Tiff => TiffDirectory.Read(d).Select(p => p.Info).ToArray(),
        _ => throw Corrupt(ImagingError.Format, "not an image in a supported format (PNG, JPEG, TIFF, WebP, BMP)"),
    };

    private static ImagingException Corrupt(string message) => new(ImagingError.Corrupt, message);

    private static ImagingException Corrupt(ImagingError error, string message) => new(error, message);

    private static PageInfo Page(ImageFormat format, long width, long height, double dpiX, double dpiY)
    {
        if (width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue) throw Corrupt("the header declares an invalid size");
        return new PageInfo(format, (int)width, (int)height, dpiX, dpiY);
    }

    private static PageInfo Png(ReadOnlySpan<byte> d)
    {
        long n = d.Length, pos = 8, width = 0, height = 0;
        double dpiX = 0, dpiY = 0;
        bool header = false, data = false;
        while (true)
        {
            if (pos + 12 > n) throw Corrupt("PNG is truncated (no IEND chunk)");
            long len = Be32(d, pos);
            var type = d.Slice((int)pos + 4, 4);
            if (len > n || pos + 12 + len > n) throw Corrupt("PNG is truncated inside a chunk");
            var body = pos + 8;
            if (!header)
            {
                if (!type.SequenceEqual("IHDR"u8) || len < 13) throw Corrupt("PNG does not start with IHDR");
                width = Be32(d, body);
                height = Be32(d, body + 4);
                header = true;
            }
            else if (type.SequenceEqual("pHYs"u8) && len >= 9 && d[(int)body + 8] == 1)
            {
                dpiX = Be32(d, body) * MetresPerInch;
                dpiY = Be32(d, body + 4) * MetresPerInch;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                data = true;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
            pos += 12 + len;
        }
        if (!data) throw Corrupt("PNG has no image data");
        return Page(ImageFormat.Png, width, height, dpiX, dpiY);
    }

    private static bool IsSof(byte m) => m is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static PageInfo Jpeg(ReadOnlySpan<byte> d)
    {
        long n = d.Length, pos = 2, width = 0, height = 0;
        double dpiX = 0, dpiY = 0;
        while (true)
        {
            while (pos < n && d[(int)pos] == 0xFF && pos + 1 < n && d[(int)pos + 1] == 0xFF) pos++; // fill bytes
            if (pos + 4 > n || d[(int)pos] != 0xFF) throw Corrupt("JPEG is truncated or damaged in its headers");
            var marker = d[(int)pos + 1];
            if (marker == 0xD9) throw Corrupt("JPEG ends before its image data");
            if (marker is (>= 0xD0 and <= 0xD7) or 0x01)
            {
                pos += 2;
                continue;
            }
            long len = Be16(d, pos + 2);
            if (len < 2 || pos + 2 + len > n) throw Corrupt("JPEG is truncated inside a header segment");
            var body = pos + 4;
            if (marker == 0xE0 && len >= 16 && d.Slice((int)body, 5).SequenceEqual("JFIF\0"u8))
            {
                var units = d[(int)body + 7];
                var scale = units == 1 ? 1.0 : units == 2 ? 2.54 : 0.0;
                dpiX = Be16(d, body + 8) * scale;
                dpiY = Be16(d, body + 10) * scale;
            }
            else if (IsSof(marker) && len >= 8)
            {
                height = Be16(d, body + 1);
                width = Be16(d, body + 3);
            }
            else if (marker == 0xDA)
            {
                // Entropy-coded data follows. Inside it 0xFF is always stuffed (FF00) or a restart marker, so an
                // end-of-image marker after the scan header is the only sign the file is complete. An EXIF thumbnail's
                // own EOI comes before the main scan and does not count.
                var complete = false;
                for (var i = n - 1; i > pos + 1; --i)
                {
                    if (d[(int)i] == 0xD9 && d[(int)i - 1] == 0xFF)
                    {
                        complete = true;
                        break;
                    }
                }
                if (!complete) throw Corrupt("JPEG is truncated (no end-of-image marker after the image data)");
                break;
            }
            pos += 2 + len;
        }
        return Page(ImageFormat.Jpeg, width, height, dpiX, dpiY);
    }

    private static PageInfo Bmp(ReadOnlySpan<byte> d)
    {
        long n = d.Length;
        if (n < 26) throw Corrupt("BMP is truncated in its header");
        var offset = Le32(d, 10);
        var dib = Le32(d, 14);
        long width, height;
        int bits;
        uint compression = 0;
        double dpiX = 0, dpiY = 0;
        if (dib == 12)
        {
            width = Le16(d, 18);
            height = Le16(d, 20);
            bits = Le16(d, 24);
        }
        else
        {
            if (dib < 40 || n < 14 + 40) throw Corrupt("BMP is truncated in its header");
            width = (int)Le32(d, 18);
            height = (int)Le32(d, 22);
            if (height < 0) height = -height; // top-down rows
            bits = Le16(d, 28);
            compression = Le32(d, 30);
            dpiX = (int)Le32(d, 38) * MetresPerInch;
            dpiY = (int)Le32(d, 42) * MetresPerInch;
        }
        if (width > 0 && height > 0 && (compression == 0 || compression == 3) && bits > 0)
        {
            var row = ((ulong)width * (ulong)bits + 31) / 32 * 4;
            if (offset + row * (ulong)height > (ulong)n) throw Corrupt("BMP is truncated (pixel rows missing)");
        }
        return Page(ImageFormat.Bmp, width, height, dpiX, dpiY);
    }

    private static PageInfo WebP(ReadOnlySpan<byte> d)
    {
        if (d.Length < 30) throw Corrupt("WebP is truncated in its header");
        if ((ulong)Le32(d, 4) + 8 > (ulong)d.Length) throw Corrupt("WebP is truncated (shorter than its RIFF size)");
        var chunk = d.Slice(12, 4);
        long width, height;
        if (chunk.SequenceEqual("VP8X"u8))
        {
            width = 1 + (d[24] | ((long)d[25] << 8) | ((long)d[26] << 16));
            height = 1 + (d[27] | ((long)d[28] << 8) | ((long)d[29] << 16));
        }
        else if (chunk.SequenceEqual("VP8L"u8))
        {
            if (d[20] != 0x2F) throw Corrupt("WebP lossless signature missing");
            var bits = Le32(d, 21);
            width = 1 + (bits & 0x3FFF);
            height = 1 + ((bits >> 14) & 0x3FFF);
        }
        else if (chunk.SequenceEqual("VP8 "u8))
        {
            if (d[23] != 0x9D || d[24] != 0x01 || d[25] != 0x2A) throw Corrupt("WebP lossy start code missing");
            width = Le16(d, 26) & 0x3FFF;
            height = Le16(d, 28) & 0x3FFF;
        }
        else
        {
            throw Corrupt("WebP has an unknown first chunk");
        }
        return Page(ImageFormat.WebP, width, height, 0, 0);
    }
}
