using System.Buffers.Binary;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>One image of a TIFF file: 8-bit grey (1 sample), RGB (3) or RGBA with unassociated alpha (4), uncompressed.</summary>
public sealed record TiffImage(int Width, int Height, int Samples, byte[] Pixels, double Dpi, uint NewSubfileType = 0);

/// <summary>
/// Writes a little-endian baseline TIFF (TIFF 6.0) with one IFD per image in the order given, each image one strip.
/// NewSubfileType 1 marks a reduced-resolution image (a preview), as scanners write them.
/// </summary>
public static class TiffWriter
{
    private const ushort Short = 3, Long = 4, Rational = 5;

    public static byte[] Write(IReadOnlyList<TiffImage> images)
    {
        using var file = new MemoryStream();
        var header = new byte[8];
        header[0] = (byte)'I';
        header[1] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 42);
        file.Write(header);
        var previousNext = 4L; // where the offset of the next IFD is to be written
        foreach (var image in images)
        {
            var stripOffset = file.Position;
            file.Write(image.Pixels);
            var resolutionOffset = file.Position;
            var rational = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(rational, (uint)Math.Round(image.Dpi * 100));
            BinaryPrimitives.WriteUInt32LittleEndian(rational.AsSpan(4), 100);
            file.Write(rational);
            var bitsOffset = file.Position;
            for (var i = 0; i < image.Samples; i++) file.Write([8, 0]);
            if (file.Position % 2 == 1) file.WriteByte(0);

            var entries = new List<(ushort Tag, ushort Type, uint Count, uint Value)>
            {
                (254, Long, 1, image.NewSubfileType),
                (256, Long, 1, (uint)image.Width),
                (257, Long, 1, (uint)image.Height),
                (258, Short, (uint)image.Samples, image.Samples == 1 ? 8u : (uint)bitsOffset),
                (259, Short, 1, 1), // no compression
                (262, Short, 1, image.Samples == 1 ? 1u : 2u), // black is zero, or RGB
                (273, Long, 1, (uint)stripOffset),
                (277, Short, 1, (uint)image.Samples),
                (278, Long, 1, (uint)image.Height),
                (279, Long, 1, (uint)image.Pixels.Length),
                (282, Rational, 1, (uint)resolutionOffset),
                (283, Rational, 1, (uint)resolutionOffset),
                (296, Short, 1, 2), // inch
            };
            if (image.Samples == 4) entries.Add((338, Short, 1, 2)); // ExtraSamples: unassociated alpha
            entries.Sort((a, b) => a.Tag.CompareTo(b.Tag));

            var ifdOffset = file.Position;
            var patch = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(patch, (uint)ifdOffset);
            file.Position = previousNext;
            file.Write(patch);
            file.Position = ifdOffset;
            var ifd = new byte[2 + entries.Count * 12 + 4];
            BinaryPrimitives.WriteUInt16LittleEndian(ifd, (ushort)entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var at = ifd.AsSpan(2 + i * 12);
                var (tag, type, count, value) = entries[i];
                BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
                BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
                BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
                if (type == Short && count == 1) BinaryPrimitives.WriteUInt16LittleEndian(at[8..], (ushort)value);
                else BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
            }
            file.Write(ifd);
            previousNext = ifdOffset + 2 + entries.Count * 12;
        }

        return file.ToArray();
    }
}
