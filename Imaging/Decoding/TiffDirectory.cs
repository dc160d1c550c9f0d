using System.Buffers.Binary;

namespace Intake.Imaging.Decoding;

/// <summary>
/// One page of a TIFF file as its image file directory (IFD) declares it: where the IFD lies, the page's size and
/// resolution, and whether it is grey. Read from the bytes alone (TIFF 6.0 and BigTIFF), so the page count and every
/// page's size are known before any pixel is decoded.
/// </summary>
internal sealed record TiffDirectory(long Offset, PageInfo Info, bool Grey)
{
    /// <summary>A hostile IFD chain must not make us loop for ever.</summary>
    private const int MaxPages = 10000;

    // TIFF 6.0 tags.
    private const int NewSubfileType = 254, ImageWidth = 256, ImageLength = 257, Photometric = 262, SamplesPerPixel = 277;
    private const int XResolution = 282, YResolution = 283, ResolutionUnit = 296, ExtraSamples = 338;

    // NewSubfileType bits: a reduced-resolution version of another image (a scanner's preview or thumbnail), a transparency mask.
    private const uint ReducedImage = 1, Mask = 4;

    /// <summary>
    /// The file's pages in file order. An IFD whose NewSubfileType marks a reduced image or a transparency mask is not a
    /// page of the document; a file made only of reduced images keeps them all (something is better than refusing it).
    /// </summary>
    public static TiffDirectory[] Read(ReadOnlySpan<byte> d)
    {
        var reader = new Reader(d);
        var all = new List<(TiffDirectory Page, bool IsPage)>();
        var seen = new HashSet<long>();
        var offset = reader.FirstIfd;
        while (offset != 0 && all.Count < MaxPages && seen.Add(offset))
        {
            all.Add(reader.Directory(offset, all.Count + 1, out offset));
        }
        if (all.Count == 0) throw Corrupt("TIFF cannot be opened: no image directory");
        var pages = all.Where(p => p.IsPage).Select(p => p.Page).ToArray();
        if (pages.Length == 0) pages = all.Select(p => p.Page).ToArray();
        return pages;
    }

    /// <summary>
    /// The file's bytes rewritten so that this page's IFD is the first: OpenCV decodes the first page of a TIFF held in
    /// memory, and the strips the IFD points at stay where they are.
    /// </summary>
    public byte[] AsFirstPage(ReadOnlySpan<byte> file)
    {
        var copy = file.ToArray();
        var little = copy[0] == (byte)'I';
        if (copy[2] == 43 || copy[3] == 43)
        {
            if (little) BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(8), (ulong)Offset);
            else BinaryPrimitives.WriteUInt64BigEndian(copy.AsSpan(8), (ulong)Offset);
        }
        else if (little)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(4), (uint)Offset);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(4), (uint)Offset);
        }
        return copy;
    }

    private static ImagingException Corrupt(string message) => new(ImagingError.Corrupt, message);

    private readonly ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _d;
        private readonly bool _little;
        private readonly bool _big;

        public Reader(ReadOnlySpan<byte> d)
        {
            _d = d;
            if (d.Length < 8) throw Corrupt("TIFF cannot be opened: the header is truncated");
            _little = d[0] == (byte)'I';
            _big = U16(2) == 43;
            if (_big && d.Length < 16) throw Corrupt("TIFF cannot be opened: the header is truncated");
            FirstIfd = _big ? (long)U64(8) : U32(4);
            if (FirstIfd == 0) throw Corrupt("TIFF cannot be opened: no image directory");
        }

        public long FirstIfd { get; }

        public (TiffDirectory, bool) Directory(long offset, int number, out long next)
        {
            var countSize = _big ? 8 : 2;
            var entrySize = _big ? 20 : 12;
            if (offset < 0 || offset + countSize > _d.Length) throw Corrupt($"TIFF page {number} cannot be read: its directory lies beyond the end of the file");
            var count = _big ? (long)U64(offset) : U16(offset);
            var entries = offset + countSize;
            var end = entries + count * entrySize;
            if (count <= 0 || end + (_big ? 8 : 4) > _d.Length) throw Corrupt($"TIFF page {number} cannot be read: its directory is truncated");
            uint subfile = 0, width = 0, height = 0, samples = 1, photometric = 1, extra = 0, unit = 2;
            double xres = 0, yres = 0;
            for (var i = 0; i < count; i++)
            {
                var e = entries + i * entrySize;
                var tag = U16(e);
                var type = U16(e + 2);
                var n = _big ? (long)U64(e + 4) : U32(e + 4);
                var value = e + (_big ? 12 : 8);
                switch (tag)
                {
                    case NewSubfileType: subfile = Integer(type, value); break;
                    case ImageWidth: width = Integer(type, value); break;
                    case ImageLength: height = Integer(type, value); break;
                    case SamplesPerPixel: samples = Integer(type, value); break;
                    case Photometric: photometric = Integer(type, value); break;
                    case ResolutionUnit: unit = Integer(type, value); break;
                    case ExtraSamples: extra = (uint)Math.Min(n, ushort.MaxValue); break;
                    case XResolution: xres = Rational(type, value); break;
                    case YResolution: yres = Rational(type, value); break;
                }
            }
            next = _big ? (long)U64(end) : U32(end);
            // libtiff's float resolution, inches or centimetres (TIFF 6.0 ResolutionUnit 2 and 3).
            var scale = unit == 2 ? 1.0 : unit == 3 ? 2.54 : 0.0;
            if (width == 0 || height == 0) throw Corrupt($"TIFF page {number} declares no size");
            var info = new PageInfo(ImageFormat.Tiff, (int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue),
                (float)xres * scale, (float)yres * scale);
            var grey = samples - extra == 1 && photometric is 0 or 1;
            return (new TiffDirectory(offset, info, grey), (subfile & (ReducedImage | Mask)) == 0);
        }

        private uint Integer(ushort type, long at) => type switch
        {
            3 => U16(at),
            4 or 13 => U32(at),
            16 or 18 => (uint)Math.Min(U64(at), uint.MaxValue),
            1 => _d[(int)at],
            _ => 0,
        };

        private double Rational(ushort type, long at)
        {
            if (type != 5) return Integer(type, at);
            // Eight bytes: inline in a BigTIFF entry, elsewhere in a classic one.
            var pointer = _big ? at : U32(at);
            if (pointer < 0 || pointer + 8 > _d.Length) return 0;
            var denominator = U32(pointer + 4);
            return denominator == 0 ? 0 : (double)U32(pointer) / denominator;
        }

        private ushort U16(long at) => _little ? BinaryPrimitives.ReadUInt16LittleEndian(_d[(int)at..]) : BinaryPrimitives.ReadUInt16BigEndian(_d[(int)at..]);

        private uint U32(long at) => _little ? BinaryPrimitives.ReadUInt32LittleEndian(_d[(int)at..]) : BinaryPrimitives.ReadUInt32BigEndian(_d[(int)at..]);

        private ulong U64(long at) => _little ? BinaryPrimitives.ReadUInt64LittleEndian(_d[(int)at..]) : BinaryPrimitives.ReadUInt64BigEndian(_d[(int)at..]);
    }
}
