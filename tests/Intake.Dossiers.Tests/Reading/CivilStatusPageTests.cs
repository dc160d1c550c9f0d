using System.Globalization;
using FluentAssertions;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Imaging;
using Xunit.Abstractions;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>
/// Synthetic A4 civil-status pages (fake people, IDs valid by the province/century/year rules) printed, scanned at
/// 300 dpi with sensor noise and JPEG, and read through the real path: Tesseract, the classifier, the printed-label
/// extractor and the assembler. A CT07 residence confirmation is recognised as <c>residence-confirmation</c> and
/// gives the applicant's name, ID number, date of birth, sex and residence; a birth certificate is recognised as
/// <c>birth-certificate</c> and, being the child's, does not feed the applicant.
/// </summary>
public sealed class CivilStatusPageTests(SharedScanReader shared, ITestOutputHelper log) : IClassFixture<SharedScanReader>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [InlineData(1193)]
    [InlineData(2024)]
    public void A_ct07_page_is_a_residence_confirmation_with_its_printed_fields(int seed)
    {
        var citizen = SyntheticCitizen.Create(seed);
        var dossier = Read(DocumentPageRenderer.ResidenceConfirmation(citizen));

        var document = dossier.Documents.Should().ContainSingle().Subject;
        document.Type.Should().Be(DocumentTypes.ResidenceConfirmation);
        document.TypeConfidence.Should().BeGreaterThan(0.6);
        document.Fields[FieldNames.FullName].Value.Should().Be(citizen.FullName.ToUpper(Vietnamese));
        document.Fields[FieldNames.IdNumber].Value.Should().Be(citizen.IdNumber);
        document.Fields[FieldNames.DateOfBirth].Value.Should().Be(citizen.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        document.Fields[FieldNames.Sex].Value.Should().Be(citizen.Sex.ToString());
        document.Fields[FieldNames.PlaceOfResidence].Value.Should().Be(citizen.PlaceOfResidence);
        document.Fields.Values.Should().OnlyContain(f => f.Source == FieldSource.Ocr);
        document.Fields.Where(f => f.Key != FieldNames.IdNumber).Should().OnlyContain(f => f.Value.Confidence < 0.9, "printed text alone never vouches above 0.89");
        document.Fields[FieldNames.IdNumber].Confidence.Should().BeGreaterThanOrEqualTo(0.9, "the ID number's province, century/sex and year digits agree with the date of birth and sex");
        dossier.Checks.Should().NotContain(c => !c.Passed && c.Name.StartsWith("idNumber.", StringComparison.Ordinal));

        // the CT07 is about the applicant: it fills the applicant when no card is there
        dossier.Applicant.IdNumber!.Value.Should().Be(citizen.IdNumber);
        dossier.Applicant.FullName!.Value.Should().Be(citizen.FullName.ToUpper(Vietnamese));
    }

    [Fact]
    public void A_birth_certificate_page_is_a_birth_certificate_and_not_the_applicant()
    {
        var parent = SyntheticCitizen.Create(1193);
        var dossier = Read(DocumentPageRenderer.BirthCertificate(parent));

        var document = dossier.Documents.Should().ContainSingle().Subject;
        document.Type.Should().Be(DocumentTypes.BirthCertificate);
        document.TypeConfidence.Should().BeGreaterThan(0.6);
        document.Fields[FieldNames.FullName].Value.Should().Be($"{parent.FamilyName} Minh Khoa".ToUpper(Vietnamese), "the child's name is the first name printed");
        document.Fields[FieldNames.DateOfBirth].Value.Should().Be("2019-09-05");
        dossier.Applicant.IdNumber.Should().BeNull("a child's birth certificate does not describe the applicant");
    }

    private Dossier Read(byte[] pdf)
    {
        using var printed = PdfRasteriser.Rasterise(pdf);
        using var source = ImageSource.FromBytes(ScannerNoise.ToJpeg(printed, noise: 8, quality: 85, seed: 7));
        using var scan = source.Decode();
        using var page = scan.WithDpi(300, 300);
        var read = shared.ReadPage(page, 0);
        foreach (var piece in read.Pieces)
        {
            log.WriteLine($"--- piece ({piece.Orientation}) ---\n{piece.Piece.Text.Text}");
        }

        var dossier = DossierAssembler.Assemble(
            new DossierCode("TEST", new DateOnly(2025, 7, 1), 1), "Kiểm thử", DateTimeOffset.UnixEpoch, null,
            [new DossierPage(0, page.Width, page.Height, 300)], read.Pieces.Select(p => p.Piece).ToArray()).Dossier;
        foreach (var document in dossier.Documents)
        {
            log.WriteLine($"{document.Type} ({document.TypeConfidence:0.00}): " + string.Join("; ", document.Fields.Select(f => $"{f.Key} = {f.Value.Value} ({f.Value.Confidence:0.00})")));
        }

        return dossier;
    }
}
