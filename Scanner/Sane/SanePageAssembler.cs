using Intake.Imaging;
using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Sane;

/// <summary>
/// Turns SANE frames into an 8-bit <see cref="Image"/>: grey stays one channel; RGB, or three separate
/// RED/GREEN/BLUE passes, become one BGR image (OpenCV's order). 16-bit samples come in the machine's
/// byte order and keep their high byte; 1-bit grey means 1 = black, 1-bit colour means 1 = full intensity.
/// Bytes past PixelsPerLine in a line are padding and are skipped.
/// </summary>
internal static class SanePageAssembler
{
    public static Image Assemble(IReadOnlyList<SaneFrame> frames, double dpiX, double dpiY)
    {
        if (frames.Count == 0) throw new SaneException(SaneStatus.Eof, "no frame");
        var width = frames[0].PixelsPerLine;
        var height = frames.Min(f => f.Lines);
        if (width <= 0 || height <= 0) throw new SaneException(SaneStatus.Eof, "empty frame");

        var single = frames[0];
        if (frames.Count == 1 && single.Format == SaneFrameFormat.Gray)
        {
            if (single.Depth == 8)
                return Image.FromPixels(single.Data.AsSpan(0, single.Length), width, height, 1, single.BytesPerLine, dpiX, dpiY);
            var grey = new byte[width * height];
            for (var y = 0; y < height; y++)
                Unpack(single, y, samplesPerPixel: 1, sample: 0, grey.AsSpan(y * width, width), pixelStep: 1, blackIsOne: true);
            return Image.FromPixels(grey, width, height, 1, width, dpiX, dpiY);
        }

        var bgr = new byte[width * height * 3];
        foreach (var frame in frames)
        {
            for (var y = 0; y < height; y++)
            {
                var row = bgr.AsSpan(y * width * 3, width * 3);
                switch (frame.Format)
                {
                    case SaneFrameFormat.Rgb:
                        Unpack(frame, y, 3, 0, row[2..], 3, blackIsOne: false);
                        Unpack(frame, y, 3, 1, row[1..], 3, blackIsOne: false);
                        Unpack(frame, y, 3, 2, row, 3, blackIsOne: false);
                        break;
                    case SaneFrameFormat.Red:
                        Unpack(frame, y, 1, 0, row[2..], 3, blackIsOne: false);
                        break;
                    case SaneFrameFormat.Green:
                        Unpack(frame, y, 1, 0, row[1..], 3, blackIsOne: false);
                        break;
                    case SaneFrameFormat.Blue:
                        Unpack(frame, y, 1, 0, row, 3, blackIsOne: false);
                        break;
                    default:
                        throw SaneException.NotSupported($"frame format {frame.Format} in a colour page");
                }
            }
        }
        return Image.FromPixels(bgr, width, height, 3, width * 3, dpiX, dpiY);
    }

    /// <summary>
    /// Writes one sample per pixel of line <paramref name="y"/> into <paramref name="target"/> every
    /// <paramref name="pixelStep"/> bytes. The sample is number <paramref name="sample"/> of
    /// <paramref name="samplesPerPixel"/> interleaved ones.
    /// </summary>
    private static void Unpack(SaneFrame frame, int y, int samplesPerPixel, int sample, Span<byte> target, int pixelStep, bool blackIsOne)
    {
        var line = frame.Data.AsSpan(y * frame.BytesPerLine, frame.BytesPerLine);
        var width = frame.PixelsPerLine;
        switch (frame.Depth)
        {
            case 8:
                for (int x = 0, s = sample, t = 0; x < width; x++, s += samplesPerPixel, t += pixelStep)
                    target[t] = line[s];
                break;
            case 16:
                // Native byte order: on a little-endian machine the high byte is the second one.
                var high = BitConverter.IsLittleEndian ? 1 : 0;
                for (int x = 0, s = sample * 2 + high, t = 0; x < width; x++, s += samplesPerPixel * 2, t += pixelStep)
                    target[t] = line[s];
                break;
            case 1:
                for (int x = 0, bit = sample, t = 0; x < width; x++, bit += samplesPerPixel, t += pixelStep)
                {
                    var set = ((line[bit >> 3] >> (7 - (bit & 7))) & 1) != 0;
                    target[t] = set ^ blackIsOne ? (byte)255 : (byte)0;
                }
                break;
            default:
                throw SaneException.NotSupported($"{frame.Depth}-bit samples");
        }
    }
}
