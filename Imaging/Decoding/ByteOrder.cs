using System.Buffers.Binary;

namespace Intake.Imaging.Decoding;

/// <summary>Reads of big- and little-endian fields at an offset, for the header readers.</summary>
internal static class ByteOrder
{
    public static uint Be32(ReadOnlySpan<byte> d, long at) => BinaryPrimitives.ReadUInt32BigEndian(d[(int)at..]);

    public static ushort Be16(ReadOnlySpan<byte> d, long at) => BinaryPrimitives.ReadUInt16BigEndian(d[(int)at..]);

    public static uint Le32(ReadOnlySpan<byte> d, long at) => BinaryPrimitives.ReadUInt32LittleEndian(d[(int)at..]);

    public static ushort Le16(ReadOnlySpan<byte> d, long at) => BinaryPrimitives.ReadUInt16LittleEndian(d[(int)at..]);
}
