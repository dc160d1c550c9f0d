using FluentAssertions;
using Intake.Dossiers.Mrz;
using Intake.Pipeline.Cards;
using Intake.Imaging;
using Intake.Ocr.Zones;
using Intake.TestSupport;

namespace Intake.Dossiers.Tests.Mrz;

/// <summary>The ICAO specimens' MRZ is read from the image itself (restricted alphabet, bottom band) and every check digit holds.</summary>
public sealed class MrzImageTests
{
    [Theory]
    [InlineData("passport-td3.png", MrzFormat.Td3, "L898902C3")]
    [InlineData("passport-td2.png", MrzFormat.Td2, "D23145890")]
    public void Icao_specimen_mrz_reads_from_the_image_with_every_check_digit_valid(string file, MrzFormat format, string documentNumber)
    {
        using var zones = new ZoneReader(ZoneOptions.Mrz with { Workers = 1 });
        using var source = ImageSource.Open(Corpus.File("passporteye", file));
        using var image = source.Decode();

        var band = new MrzBandReader(zones).Read(image);

        band.Found.Should().BeTrue(string.Join(" / ", band.Lines));
        var mrz = band.Parsed.Value!;
        mrz.Format.Should().Be(format);
        mrz.AllCheckDigitsValid.Should().BeTrue(string.Join(" / ", mrz.Lines));
        mrz.DocumentNumber.Should().Be(documentNumber);
        mrz.Surname.Should().Be("ERIKSSON");
        mrz.DateOfBirth.Should().Be(new DateOnly(1974, 8, 12));
    }
}
