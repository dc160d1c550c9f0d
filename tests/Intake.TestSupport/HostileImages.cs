using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Intake.TestSupport;

/// <summary>Small files whose headers lie, for the hostile-input tests of the decoder, the CLI and the API.</summary>
public static class HostileImages
{
    /// <summary>A well-formed PNG (valid CRCs) that declares width × height grey pixels but carries almost no data.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth 8, colour type 0 (grey)
        PngChunk.Write(png, "IHDR", ihdr);
        using (var zlib = new MemoryStream())
        {
            using (var z = new ZLibStream(zlib, CompressionLevel.Fastest, leaveOpen: true)) z.Write(new byte[64]);
            PngChunk.Write(png, "IDAT", zlib.ToArray());
        }
        PngChunk.Write(png, "IEND", []);
        return png.ToArray();
    }
}
