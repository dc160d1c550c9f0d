using FluentAssertions;
using Intake.Imaging.Codes;
using Xunit;

namespace Intake.Imaging.Tests.Codes;

/// <summary>
/// Images without a QR code give null, never an exception, whatever their size or kind. Decoding real codes (UTF-8
/// CCCD payloads, upright and upside down, on noisy JPEG flatbed scans) is tested with the rendered cards in
/// Intake.Dossiers.Tests (CardQrTests, FlatbedIdScanTests).
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
}
