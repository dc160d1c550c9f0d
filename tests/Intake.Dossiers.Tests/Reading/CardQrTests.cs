using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Imaging.Codes;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>The QR printed on a rendered card decodes to the citizen's payload, in UTF-8, whichever way up the card lies.</summary>
public sealed class CardQrTests
{
    [Fact]
    public void A_plain_code_decodes_its_utf8_payload()
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(SyntheticCitizen.Create(4).QrPayload(), QRCoder.QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var m = data.ModuleMatrix;
        const int k = 8;
        var n = m.Count * k;
        var pixels = new byte[n * n];
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                pixels[(y * n) + x] = m[y / k][x / k] ? (byte)0 : (byte)255;
            }
        }
        using var image = Intake.Imaging.Image.FromPixels(pixels, n, n, 1, n, 300, 300);
        QrReader.Read(image)!.Text.Should().Be(SyntheticCitizen.Create(4).QrPayload(), $"{m.Count} modules, Vietnamese in UTF-8");
    }

    [Theory]
    [InlineData(CardSide.Front2021)]
    [InlineData(CardSide.Back2024)]
    public void Card_qr_decodes_to_the_payload(CardSide side)
    {
        var citizen = SyntheticCitizen.Create(4);
        using var card = PdfRasteriser.Rasterise(CardRenderer.Pdf(citizen, side));

        var upright = QrReader.Read(card);
        using var turned = card.Rotate(180);
        var upsideDown = QrReader.Read(turned);

        upright.Should().NotBeNull();
        upright!.Text.Should().Be(citizen.QrPayload());
        upright.TurnedDegrees.Should().Be(0);
        upsideDown.Should().NotBeNull();
        upsideDown!.Text.Should().Be(citizen.QrPayload());
        upsideDown.TurnedDegrees.Should().Be(180);
    }
}
