using FluentAssertions;
using Intake.Dossiers.Mrz;
using Intake.Pipeline.Cards;
using Intake.Imaging;
using Intake.Pages;
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

    /// <summary>
    /// A real OCR-B MRZ at ICAO size on a flatbed scan (issue 9), whose fillers Tesseract reads partly as K. The card
    /// lies at x 298-1326, y 1297-1957 px on the page (measured); finding it is the page pipeline's job, reading its
    /// band is this one's.
    /// </summary>
    [Fact]
    public void Ocr_b_mrz_of_a_flatbed_card_back_reads_with_every_check_digit_valid()
    {
        using var zones = new ZoneReader(ZoneOptions.Mrz with { Workers = 1 });
        using var source = ImageSource.Open(Corpus.File("field-cases", "mrz-ocrb", "back-only-flatbed.png"));
        using var page = source.Decode();
        using var card = page.Crop(new PixelRect(298, 1297, 1028, 660));

        var band = new MrzBandReader(zones).Read(card);

        var mrz = band.Parsed.Value!;
        mrz.AllCheckDigitsValid.Should().BeTrue(string.Join(" / ", band.Lines));
        band.Parsed.Checks.Should().OnlyContain(c => c.Passed);
        mrz.PersonalIdNumber.Should().Be("092190007788");
        mrz.DateOfBirth.Should().Be(new DateOnly(1990, 9, 9));
        mrz.Sex.Should().Be('F');
        mrz.ExpiryDate.Should().Be(new DateOnly(2030, 9, 9));
    }
}
