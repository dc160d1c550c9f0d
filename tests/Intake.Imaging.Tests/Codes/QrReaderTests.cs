using FluentAssertions;
using Intake.Imaging.Codes;
using Intake.TestSupport;
using Xunit;

namespace Intake.Imaging.Tests.Codes;

/// <summary>
/// Images without a QR code give null, never an exception, whatever their size or kind; a photographed CCCD front
/// decodes in UTF-8 at every quarter turn, and the turn is told from OpenCV's corner order. Decoding rendered cards
/// (upright and upside down, on noisy JPEG flatbed scans) is tested in Intake.Dossiers.Tests (CardQrTests,
/// FlatbedIdScanTests).
/// </summary>
public class QrReaderTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(640, 480, 1)]
    [InlineData(3000, 4000, 3)]
    public void No_code_is_null(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        Array.Fill(pixels, (byte)250);
        using var image = Image.FromPixels(pixels, width, height, channels, width * channels, 300, 300);

        QrReader.Read(image).Should().BeNull();
    }

    [Fact]
    public void Noise_is_null()
    {
        var random = new Random(5);
        var pixels = new byte[800 * 600];
        random.NextBytes(pixels);
        using var image = Image.FromPixels(pixels, 800, 600, 1, 800, 300, 300);

        QrReader.Read(image).Should().BeNull();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(90, 270)]
    [InlineData(180, 180)]
    [InlineData(270, 90)]
    public void A_photographed_cccd_front_decodes_in_utf8_and_tells_its_turn(int counterClockwise, int turned)
    {
        using var source = ImageSource.Open(Corpus.File("cccd-samples", "photos", "photo-front-1.jpg"));
        using var photo = source.Decode();
        using var image = photo.Rotate(counterClockwise);

        var code = QrReader.Read(image);

        code.Should().NotBeNull();
        code!.Text.Should().StartWith("001088012345|").And.Contain("|Đỗ Quang Vinh|", "UTF-8 without ECI");
        code.TurnedDegrees.Should().Be(turned);
        code.Bounds.Width.Should().BeInRange(150, 250, "the corners are in the image's pixels");
    }
}
