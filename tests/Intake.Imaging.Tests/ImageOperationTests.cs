using Intake.Pages;
using FluentAssertions;
using Intake.Imaging;
using Intake.TestSupport;
using Xunit;

namespace Intake.Imaging.Tests;

public sealed class ImageOperationTests
{
    private static Image Phototest()
    {
        using var source = ImageSource.Open(Corpus.File("tesseract-test", "phototest.tif"));
        return source.Decode();
    }

    [Fact]
    public void Quarter_turns_are_exact_and_swap_the_size()
    {
        using var page = Phototest();
        using var left = page.Rotate(90);
        left.Width.Should().Be(page.Height);
        left.Height.Should().Be(page.Width);
        using var back = left.Rotate(-90);
        back.Encode(".png").Should().Equal(page.Encode(".png"));
    }

    [Fact]
    public void Any_angle_widens_the_canvas_so_nothing_is_cut()
    {
        using var page = Phototest();
        using var turned = page.Rotate(30);
        var radians = Math.PI / 6;
        turned.Width.Should().BeCloseTo((int)Math.Round(page.Width * Math.Cos(radians) + page.Height * Math.Sin(radians)), 2);
        turned.Height.Should().BeCloseTo((int)Math.Round(page.Width * Math.Sin(radians) + page.Height * Math.Cos(radians)), 2);
        turned.DpiX.Should().Be(page.DpiX);
    }

    [Fact]
    public void Crop_keeps_the_rectangle_and_refuses_one_outside()
    {
        using var page = Phototest();
        using var corner = page.Crop(new PixelRect(10, 20, 100, 50));
        (corner.Width, corner.Height).Should().Be((100, 50));
        var outside = () => page.Crop(new PixelRect(600, 400, 100, 100));
        outside.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Argument);
    }

    [Fact]
    public void A_white_border_widens_the_image_on_every_side_and_keeps_its_dpi()
    {
        using var page = Phototest();
        using var padded = page.PadWhite(12);
        (padded.Width, padded.Height, padded.DpiX).Should().Be((page.Width + 24, page.Height + 24, page.DpiX));
        padded.UsePixels(p => System.Runtime.InteropServices.Marshal.ReadByte(p.Data)).Should().Be(255);
        var negative = () => page.PadWhite(-1);
        negative.Should().Throw<ImagingException>().Where(e => e.Error == ImagingError.Argument);
    }

    [Fact]
    public void Grey_and_rgb_conversions_keep_size_and_dpi()
    {
        using var source = ImageSource.Open(Corpus.File("passporteye", "passport-td3.png"));
        using var colour = source.Decode();
        colour.Channels.Should().Be(3);
        using var grey = colour.ToGray();
        grey.Channels.Should().Be(1);
        (grey.Width, grey.Height, grey.DpiX).Should().Be((colour.Width, colour.Height, colour.DpiX));
        using var rgb = colour.ToRgb();
        rgb.Channels.Should().Be(3);
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".tif")]
    [InlineData(".bmp")]
    [InlineData(".webp")]
    public void Encoding_round_trips_size_and_dpi(string extension)
    {
        using var page = Phototest();
        using var at300 = page.WithDpi(300, 300);
        var bytes = at300.Encode(extension);
        using var source = ImageSource.FromBytes(bytes);
        using var decoded = source.Decode();
        (decoded.Width, decoded.Height).Should().Be((page.Width, page.Height));
        if (extension is ".png" or ".jpg" or ".tif") decoded.DpiX.Should().BeApproximately(300, 0.5);
        page.DpiX.Should().Be(200, "WithDpi returns a new image and leaves this one as it was");
    }

    [Fact]
    public void Pixels_are_lent_without_a_copy()
    {
        using var page = Phototest();
        var (stride, bytesPerPixel) = page.UsePixels(p => (p.Stride, p.BytesPerPixel));
        bytesPerPixel.Should().Be(1);
        stride.Should().BeGreaterThanOrEqualTo(page.Width);
    }

    [Fact]
    public void Images_can_be_built_from_pixel_rows()
    {
        var rows = new byte[30 * 20 * 3];
        using var image = Image.FromPixels(rows, 30, 20, 3, 90, 150, 150);
        (image.Width, image.Height, image.Channels, image.DpiX).Should().Be((30, 20, 3, 150.0));
    }
}
