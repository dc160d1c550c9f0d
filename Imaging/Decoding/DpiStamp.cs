using System.Buffers.Binary;

namespace Intake.Imaging.Decoding;

/// <summary>
/// OpenCV's PNG and JPEG encoders write no resolution; archive rules ask that every page carry its dpi, so it is added
/// to the encoded bytes here: a pHYs chunk after IHDR (PNG 1.2, 4.2.4.2), or the JFIF density fields.
/// </summary>
internal static class DpiStamp
{
    public static byte[] Stamp(byte[] encoded, string extension, double dpiX, double dpiY)
    {
        if (dpiX <= 0 || dpiY <= 0) return encoded;
        return extension switch
        {
            ".png" => StampPng(encoded, dpiX, dpiY),
            ".jpg" or ".jpeg" => StampJpeg(encoded, dpiX, dpiY),
            _ => encoded,
        };
    }

    private static byte[] StampPng(byte[] png, double dpiX, double dpiY)
    {
        const int afterIhdr = 8 + 12 + 13;
        if (png.Length < afterIhdr) return png;
        var chunk = new byte[21];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), (uint)Math.Round(dpiX / 0.0254, MidpointRounding.AwayFromZero));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), (uint)Math.Round(dpiY / 0.0254, MidpointRounding.AwayFromZero));
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32(chunk.AsSpan(4, 13)));
        var stamped = new byte[png.Length + chunk.Length];
        png.AsSpan(0, afterIhdr).CopyTo(stamped);
        chunk.CopyTo(stamped, afterIhdr);
        png.AsSpan(afterIhdr).CopyTo(stamped.AsSpan(afterIhdr + chunk.Length));
        return stamped;
    }

    private static byte[] StampJpeg(byte[] jpg, double dpiX, double dpiY)
    {
        // libjpeg writes APP0 JFIF right after SOI: FFD8 FFE0 len "JFIF\0" ver(2) units(1) Xdensity(2) Ydensity(2)
        if (jpg.Length < 20 || jpg[2] != 0xFF || jpg[3] != 0xE0 || !jpg.AsSpan(6, 5).SequenceEqual("JFIF\0"u8)) return jpg;
        var x = (ushort)Math.Min(65535, Math.Round(dpiX, MidpointRounding.AwayFromZero));
        var y = (ushort)Math.Min(65535, Math.Round(dpiY, MidpointRounding.AwayFromZero));
        jpg[13] = 1; // dots per inch
        BinaryPrimitives.WriteUInt16BigEndian(jpg.AsSpan(14), x);
        BinaryPrimitives.WriteUInt16BigEndian(jpg.AsSpan(16), y);
        return jpg;
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(i =>
    {
        var c = (uint)i;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The CRC-32 PNG chunks carry (ISO 3309, as PNG 1.2 section 3.4 defines it).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
