using FluentAssertions;

namespace Intake.Dossiers.Tests.Model;

public class DossierTests
{
    [Fact]
    public void Dossier_code_round_trips()
    {
        var code = DossierCode.Parse("000.00.14.H56-200203-0118");

        code.KioskCode.Should().Be("000.00.14.H56");
        code.Date.Should().Be(new DateOnly(2020, 2, 3));
        code.Sequence.Should().Be(118);
        code.ToString().Should().Be("000.00.14.H56-200203-0118");
        new DossierCode("K01", new DateOnly(2025, 7, 1), 7).ToString().Should().Be("K01-250701-0007");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K01-200230-0001")]
    [InlineData("K01-200203-0000")]
    [InlineData("K01-200203-118")]
    [InlineData("-200203-0118")]
    public void Bad_dossier_codes_do_not_parse(string? text)
    {
        DossierCode.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void A_correction_makes_a_new_version_and_records_who_and_when()
    {
        var created = new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var dossier = Dossier.Create(DossierCode.Parse("K01-250701-0001"), "kiosk", created) with
        {
            Applicant = Applicant.Empty with { FullName = new Field("NGUYEN VAN AN", 0.6, FieldSource.Ocr, 0) },
        };
        var at = created.AddMinutes(5);

        var corrected = dossier.WithCorrection(FieldNames.FullName, "NGUYỄN VĂN AN", "Lê Thị Hoa", at, "OCR mất dấu");

        corrected.Version.Should().Be(2);
        corrected.UpdatedAt.Should().Be(at);
        corrected.Applicant.FullName.Should().BeEquivalentTo(new { Value = "NGUYỄN VĂN AN", Confidence = 1.0, Source = FieldSource.Manual, Page = 0 });
        corrected.Applicant.FullName!.Alternatives.Should().Equal("NGUYEN VAN AN");
        corrected.Corrections.Should().ContainSingle().Which.Should().Be(
            new Correction(FieldNames.FullName, "NGUYEN VAN AN", "NGUYỄN VĂN AN", "Lê Thị Hoa", at, "OCR mất dấu"));
        dossier.Version.Should().Be(1, "the previous version is untouched");
        dossier.Applicant.FullName!.Value.Should().Be("NGUYEN VAN AN");
    }

    [Fact]
    public void Fields_clamp_confidence_to_0_1()
    {
        new Field("x", 1.7, FieldSource.Ocr).Confidence.Should().Be(1);
        new Field("x", double.NaN, FieldSource.Ocr).Confidence.Should().Be(0);
    }
}
