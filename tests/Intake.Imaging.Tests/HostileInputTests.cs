using FluentAssertions;
using Intake.Imaging;
using Intake.TestSupport;
using Xunit;

namespace Intake.Imaging.Tests;

/// <summary>Truncated, damaged, absurd and non-image input gives one clear error, never a crash or a huge allocation.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void A_png_declaring_30000_by_30000_pixels_is_refused_before_decoding()
    {
        var png = HostileImages.PngDeclaring(30000, 30000);
        using var source = ImageSource.FromBytes(png);
        source.Pages[0].Pixels.Should().Be(900_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var act = () => source.Decode(0);
        act.Should().Throw<ImagingException>()
            .Where(e => e.Error == ImagingError.TooLarge && e.Message.Contains("30000x30000") && e.Message.Contains("500"));
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1 << 20);
    }

    [Fact]
    public void A_truncated_png_is_corrupt()
    {
        var bytes = File.ReadAllBytes(Corpus.File("ocrmypdf", "baiona.png"));
        var act = () => ImageSource.FromBytes(bytes.AsSpan(0, bytes.Length / 2));
        act.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Corrupt && e.Message.Contains("truncated"));
    }

    [Fact]
    public void A_truncated_jpeg_is_corrupt_rather_than_half_grey()
    {
        var bytes = File.ReadAllBytes(Corpus.File("zxing-cpp", "qrcode-2", "high-res-1.jpg"));
        var act = () => ImageSource.FromBytes(bytes.AsSpan(0, bytes.Length * 2 / 3));
        act.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Corrupt && e.Message.Contains("truncated"));
    }

    [Fact]
    public void A_truncated_tiff_page_is_corrupt()
    {
        var bytes = File.ReadAllBytes(Corpus.File("tesseract-test", "eurotext.tif"));
        Action act = () =>
        {
            using var source = ImageSource.FromBytes(bytes.AsSpan(0, bytes.Length / 2));
            using var image = source.Decode(0);
        };
        act.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Corrupt);
    }

    [Fact]
    public void Text_is_not_an_image()
    {
        var act = () => ImageSource.FromBytes("Họ và tên: Nguyễn Văn An"u8);
        act.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Format);
    }

    [Fact]
    public void A_missing_file_is_an_io_error()
    {
        var act = () => ImageSource.Open("/nonexistent/scan.png");
        act.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Io);
    }

    [Fact]
    public void Random_bytes_behind_a_png_signature_are_corrupt()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        var act = () => ImageSource.FromBytes(bytes);
        act.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Corrupt);
    }
}
