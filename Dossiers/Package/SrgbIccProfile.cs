using System.Buffers.Binary;
using System.Text;

namespace Intake.Dossiers.Package;

/// <summary>
/// A minimal ICC v2.1 display profile for sRGB (IEC 61966-2-1), built in code: PDF/A needs an output intent with an
/// embedded profile, and generating the ~1 kB the standard defines (D50 primaries after Bradford adaptation, the sRGB
/// tone curve sampled at 256 points) avoids shipping or locating a profile file on the kiosk.
/// </summary>
public static class SrgbIccProfile
{
    public const string Description = "sRGB IEC61966-2.1";

    private static readonly Lazy<byte[]> Built = new(Build);

    public static byte[] Bytes => Built.Value;

    private static byte[] Build()
    {
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", DescriptionTag(Description)),
            ("cprt", TextTag("No copyright, use freely")),
            ("wtpt", XyzTag(0.9642, 1.0, 0.8249)),
            ("rXYZ", XyzTag(0.4361, 0.2225, 0.0139)),
            ("gXYZ", XyzTag(0.3851, 0.7169, 0.0971)),
            ("bXYZ", XyzTag(0.1431, 0.0606, 0.7141)),
        };
        var curve = CurveTag();
        var tableSize = 4 + ((tags.Count + 3) * 12);
        var offset = 128 + tableSize;
        var table = new List<(string Signature, int Offset, int Size)>();
        using var data = new MemoryStream();
        foreach (var (signature, bytes) in tags)
        {
            table.Add((signature, offset + (int)data.Length, bytes.Length));
            Write(data, bytes);
        }

        var curveOffset = offset + (int)data.Length;
        Write(data, curve);
        foreach (var trc in new[] { "rTRC", "gTRC", "bTRC" })
        {
            table.Add((trc, curveOffset, curve.Length)); // the three channels share one curve
        }

        var total = offset + (int)data.Length;
        var profile = new byte[total];
        var span = profile.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span[0..], total);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 0x02100000);
        Encoding.ASCII.GetBytes("mntr").CopyTo(span[12..]);
        Encoding.ASCII.GetBytes("RGB ").CopyTo(span[16..]);
        Encoding.ASCII.GetBytes("XYZ ").CopyTo(span[20..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[24..], 2024);
        BinaryPrimitives.WriteUInt16BigEndian(span[26..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(span[28..], 1);
        Encoding.ASCII.GetBytes("acsp").CopyTo(span[36..]);
        WriteXyz(span[68..], 0.9642, 1.0, 0.8249); // PCS illuminant D50
        BinaryPrimitives.WriteInt32BigEndian(span[128..], table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            var entry = span[(132 + (i * 12))..];
            Encoding.ASCII.GetBytes(table[i].Signature).CopyTo(entry);
            BinaryPrimitives.WriteInt32BigEndian(entry[4..], table[i].Offset);
            BinaryPrimitives.WriteInt32BigEndian(entry[8..], table[i].Size);
        }

        data.ToArray().CopyTo(span[offset..]);
        return profile;
    }

    private static void Write(MemoryStream stream, byte[] bytes)
    {
        stream.Write(bytes);
        while (stream.Length % 4 != 0)
        {
            stream.WriteByte(0);
        }
    }

    private static byte[] XyzTag(double x, double y, double z)
    {
        var tag = new byte[20];
        Encoding.ASCII.GetBytes("XYZ ").CopyTo(tag, 0);
        WriteXyz(tag.AsSpan(8), x, y, z);
        return tag;
    }

    private static void WriteXyz(Span<byte> target, double x, double y, double z)
    {
        BinaryPrimitives.WriteInt32BigEndian(target, S15Fixed16(x));
        BinaryPrimitives.WriteInt32BigEndian(target[4..], S15Fixed16(y));
        BinaryPrimitives.WriteInt32BigEndian(target[8..], S15Fixed16(z));
    }

    private static int S15Fixed16(double value) => (int)Math.Round(value * 65536);

    private static byte[] CurveTag()
    {
        const int Points = 256;
        var tag = new byte[12 + (2 * Points)];
        Encoding.ASCII.GetBytes("curv").CopyTo(tag, 0);
        BinaryPrimitives.WriteInt32BigEndian(tag.AsSpan(8), Points);
        for (var i = 0; i < Points; i++)
        {
            var v = i / (double)(Points - 1);
            var linear = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(tag.AsSpan(12 + (2 * i)), (ushort)Math.Round(linear * 65535));
        }

        return tag;
    }

    private static byte[] TextTag(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text + "\0");
        var tag = new byte[8 + ascii.Length];
        Encoding.ASCII.GetBytes("text").CopyTo(tag, 0);
        ascii.CopyTo(tag, 8);
        return tag;
    }

    private static byte[] DescriptionTag(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text + "\0");
        // 'desc' + reserved + ASCII count and text + Unicode language/count (0) + ScriptCode code/count/67 bytes
        var tag = new byte[12 + ascii.Length + 8 + 70];
        Encoding.ASCII.GetBytes("desc").CopyTo(tag, 0);
        BinaryPrimitives.WriteInt32BigEndian(tag.AsSpan(8), ascii.Length);
        ascii.CopyTo(tag, 12);
        return tag;
    }
}
