using OpenCvSharp;
using static Intake.Imaging.Decoding.ByteOrder;

namespace Intake.Imaging.Decoding;

/// <summary>
/// One page of an encoded file decoded by OpenCV into what every image here is: 8-bit grey or 8-bit BGR, transparency
/// laid on white paper.
/// </summary>
internal static class PageDecoder
{
    public static Mat Decode(byte[] bytes, ImageFormat format, TiffDirectory? tiffPage)
    {
        if (tiffPage is not null) return DecodeTiff(bytes, tiffPage);
        // PNG and WebP may carry transparency, which only IMREAD_UNCHANGED keeps (any other flag drops the alpha channel
        // and leaves the colour under it, black in most files); JPEG keeps the flags that apply its EXIF orientation.
        var mayBeTransparent = format is ImageFormat.Png or ImageFormat.WebP;
        var mat = Cv2.ImDecode(bytes, mayBeTransparent ? ImreadModes.Unchanged : ImreadModes.AnyColor | ImreadModes.AnyDepth);
        try
        {
            if (mat.Empty()) throw new ImagingException(ImagingError.Corrupt, "the image data is damaged and cannot be decoded");
            WhitenColourKey(bytes, format, mat);
            Normalise(ref mat);
            // A grey+alpha file comes out of OpenCV as BGRA: once laid on white it is grey again.
            if (IsGreyPng(bytes, format) && mat.Channels() == 3) Replace(ref mat, m => m.CvtColor(ColorConversionCodes.BGR2GRAY));
            // OpenCV expands every palette PNG to three channels, so a black-and-white or grey scan saved with a palette
            // would reach Tesseract as colour: about a fifth more recognition time (it thresholds each channel) and triple
            // the memory. A palette page with no colour in it stays grey. True-colour files are left as they are: a
            // colour scan stays colour for the archive.
            if (PngColourType(bytes, format) == 3 && mat.Channels() == 3 && AllChannelsEqual(mat)) Replace(ref mat, m => m.ExtractChannel(0));
            return mat;
        }
        catch
        {
            mat.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The page's IFD made the file's first, decoded unchanged (alpha kept, then laid on white); a page its directory
    /// calls grey stays grey, anything else becomes BGR.
    /// </summary>
    private static Mat DecodeTiff(byte[] bytes, TiffDirectory page)
    {
        var mat = Cv2.ImDecode(page.AsFirstPage(bytes), ImreadModes.Unchanged);
        try
        {
            if (mat.Empty()) throw new ImagingException(ImagingError.Corrupt, "TIFF page is damaged or truncated");
            Normalise(ref mat);
            if (page.Grey && mat.Channels() == 3) Replace(ref mat, m => m.CvtColor(ColorConversionCodes.BGR2GRAY));
            return mat;
        }
        catch
        {
            mat.Dispose();
            throw;
        }
    }

    private static void Replace(ref Mat mat, Func<Mat, Mat> make)
    {
        var made = make(mat);
        mat.Dispose();
        mat = made;
    }

    /// <summary>True when every pixel has B == G == R; stops at the first coloured pixel, so a photo costs little.</summary>
    private static unsafe bool AllChannelsEqual(Mat bgr)
    {
        int rows = bgr.Rows, cols = bgr.Cols;
        for (var y = 0; y < rows; y++)
        {
            var p = (byte*)bgr.Ptr(y);
            for (var x = 0; x < cols; x++, p += 3)
            {
                if (p[0] != p[1] || p[1] != p[2]) return false;
            }
        }
        return true;
    }

    /// <summary>Whatever OpenCV decoded becomes 8-bit grey or 8-bit BGR; transparency is composited on white paper.</summary>
    private static void Normalise(ref Mat m)
    {
        if (m.Depth() == MatType.CV_16U) Replace(ref m, src => Converted(src, MatType.CV_8U, 1.0 / 257.0));
        else if (m.Depth() != MatType.CV_8U) Replace(ref m, src => Converted(src, MatType.CV_8U, 1.0));
        if (m.Channels() == 4)
        {
            var bgra = m.Split();
            try
            {
                // channel * alpha + (1 - alpha) * 255, evaluated as OpenCV's matrix expressions did in the native code
                // (a scaled copy, a product, a weighted sum), without OpenCvSharp's slow arithmetic against a scalar
                using var alpha = Converted(bgra[3], MatType.CV_32F, 1.0 / 255.0);
                using var inverse = new Mat();
                alpha.ConvertTo(inverse, MatType.CV_32F, -1.0, 1.0);
                var bgr = new Mat[3];
                try
                {
                    for (var c = 0; c < 3; c++)
                    {
                        using var channel = Converted(bgra[c], MatType.CV_32F, 1.0);
                        Cv2.Multiply(channel, alpha, channel);
                        Cv2.AddWeighted(channel, 1.0, inverse, 255.0, 0.0, channel);
                        bgr[c] = Converted(channel, MatType.CV_8U, 1.0);
                    }
                    var merged = new Mat();
                    Cv2.Merge(bgr, merged);
                    m.Dispose();
                    m = merged;
                }
                finally
                {
                    foreach (var channel in bgr) channel?.Dispose();
                }
            }
            finally
            {
                foreach (var channel in bgra) channel.Dispose();
            }
        }
        else if (m.Channels() == 2)
        {
            // grey + alpha
            var ga = m.Split();
            try
            {
                using var grey = Converted(ga[0], MatType.CV_32F, 1.0);
                using var alpha = Converted(ga[1], MatType.CV_32F, 1.0 / 255.0);
                // grey * alpha + (1 - alpha) * 255
                Cv2.Multiply(grey, alpha, grey);
                Cv2.AddWeighted(grey, 1.0, alpha, -255.0, 255.0, grey);
                var eight = Converted(grey, MatType.CV_8U, 1.0);
                m.Dispose();
                m = eight;
            }
            finally
            {
                foreach (var channel in ga) channel.Dispose();
            }
        }
    }

    private static Mat Converted(Mat src, MatType type, double scale)
    {
        var dst = new Mat();
        src.ConvertTo(dst, type, scale);
        return dst;
    }

    /// <summary>
    /// The IHDR chunk always comes first: colour type at offset 25 (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA; PNG
    /// 1.2, section 4.1.1).
    /// </summary>
    private static int PngColourType(byte[] bytes, ImageFormat format) => format == ImageFormat.Png && bytes.Length > 25 ? bytes[25] : -1;

    private static bool IsGreyPng(byte[] bytes, ImageFormat format) => PngColourType(bytes, format) is 0 or 4;

    /// <summary>
    /// A grey or RGB PNG can make one colour transparent with a tRNS chunk (PNG 1.2, section 4.2.1.1). OpenCV drops that
    /// transparency (its decoder keeps alpha only for palette, grey+alpha and RGBA files), so the pixels of that exact
    /// colour are laid on white here. <paramref name="mat"/> is as decoded with IMREAD_UNCHANGED: grey or BGR, 8 or 16
    /// bits, with grey depths below 8 scaled up to 8 bits.
    /// </summary>
    private static void WhitenColourKey(byte[] d, ImageFormat format, Mat mat)
    {
        var type = PngColourType(d, format);
        if (type != 0 && type != 2) return;
        var depth = d[24];
        long pos = 8;
        while (pos + 12 <= d.Length)
        {
            long len = Be32(d, pos);
            var chunk = d.AsSpan((int)pos + 4, 4);
            if (len > d.Length - pos - 12) return;
            if (chunk.SequenceEqual("IDAT"u8) || chunk.SequenceEqual("IEND"u8)) return; // tRNS precedes IDAT
            if (chunk.SequenceEqual("tRNS"u8))
            {
                var body = pos + 8;
                // grey depths below 8 arrive scaled to 0..255 (libpng's expand_gray_1_2_4_to_8)
                double Sample(long at) => depth < 8 ? Be16(d, at) * 255.0 / ((1 << depth) - 1) : Be16(d, at);
                using var mask = new Mat();
                if (type == 0 && len >= 2 && mat.Channels() == 1)
                {
                    var grey = Sample(body);
                    Cv2.InRange(mat, new Scalar(grey), new Scalar(grey), mask);
                }
                else if (type == 2 && len >= 6 && mat.Channels() == 3)
                {
                    var bgr = new Scalar(Sample(body + 4), Sample(body + 2), Sample(body));
                    Cv2.InRange(mat, bgr, bgr, mask);
                }
                else
                {
                    return;
                }
                mat.SetTo(Scalar.All(mat.Depth() == MatType.CV_16U ? 65535 : 255), mask);
                return;
            }
            pos += 12 + len;
        }
    }
}
