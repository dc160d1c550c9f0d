using System.Text;
using FluentAssertions;
using Intake.Dossiers.Qr;
using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Dossiers.Tests.Qr;

public class CccdQrParserTests
{
    private const string GuideExample = "079090001234|123456789|Nguyễn Văn An|15011990|Nam|Phường 26, Quận Bình Thạnh, TP. Hồ Chí Minh|20042021";

    [Fact]
    public void Guide_example_maps_all_seven_fields()
    {
        var result = CccdQrParser.Parse(GuideExample);

        result.Succeeded.Should().BeTrue();
        var qr = result.Value!;
        qr.IdNumber.Should().Be("079090001234");
        qr.OldIdNumber.Should().Be("123456789");
        qr.FullName.Should().Be("Nguyễn Văn An");
        qr.DateOfBirth.Should().Be(new DateOnly(1990, 1, 15));
        qr.Sex.Should().Be('M');
        qr.PlaceOfResidence.Should().Be("Phường 26, Quận Bình Thạnh, TP. Hồ Chí Minh");
        qr.IssueDate.Should().Be(new DateOnly(2021, 4, 20));
        qr.ExtraFields.Should().BeEmpty();
        result.Checks.Should().OnlyContain(c => c.Passed);
        qr.ToFields()[FieldNames.DateOfBirth].Should().Be(new Field("1990-01-15", 0.99, FieldSource.Qr));
    }

    [Fact]
    public void Nfd_payload_is_stored_nfc()
    {
        var qr = CccdQrParser.Parse(GuideExample.Normalize(NormalizationForm.FormD)).Value!;

        qr.FullName.Should().Be("Nguyễn Văn An").And.Match(n => n.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Card_2024_extra_fields_are_kept_raw()
    {
        var result = CccdQrParser.Parse(GuideExample + "|extra-1||X");

        result.Value!.ExtraFields.Should().Equal("extra-1", "", "X");
    }

    [Fact]
    public void Empty_old_id_is_normal()
    {
        var qr = CccdQrParser.Parse(GuideExample.Replace("|123456789|", "||", StringComparison.Ordinal)).Value!;

        qr.OldIdNumber.Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://example.org/not-a-card")]
    [InlineData("a|b|c")]
    [InlineData("ABCDEFGHIJKL|123456789|Nguyễn Văn An|15011990|Nam|x|20042021")]
    [InlineData("||||||")]
    public void Garbage_fails_with_a_bilingual_reason(string? payload)
    {
        var result = CccdQrParser.Parse(payload);

        result.Succeeded.Should().BeFalse();
        result.FailureReason.Should().Contain(" / ");
    }

    [Fact]
    public void Impossible_birth_date_and_unknown_sex_are_failed_checks_not_exceptions()
    {
        var result = CccdQrParser.Parse("079090001234||Nguyễn Văn An|31021990|Khác|x|20042021");

        result.Succeeded.Should().BeTrue();
        result.Value!.DateOfBirth.Should().BeNull();
        result.Value.Sex.Should().BeNull();
        result.Checks.Where(c => !c.Passed).Select(c => c.Name).Should().Contain(["qr.dateOfBirth", "qr.sex"]);
    }

    [Fact]
    public void Id_whose_century_digit_contradicts_the_birth_date_is_a_failed_check()
    {
        // G = 2 means born in the 2000s, but the QR says 1990
        var result = CccdQrParser.Parse("079290001234||Nguyễn Văn An|15011990|Nam|x|20042021");

        result.Checks.Should().Contain(c => c.Name == "idNumber.birthYear" && !c.Passed);
    }

    [Fact]
    public void Every_synthetic_citizen_payload_reads_back()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var citizen = SyntheticCitizen.Create(seed);

            var result = CccdQrParser.Parse(citizen.QrPayload());

            result.Checks.Should().OnlyContain(c => c.Passed, $"seed {seed}");
            result.Value!.FullName.Should().Be(citizen.FullName);
            result.Value.DateOfBirth.Should().Be(citizen.DateOfBirth);
            result.Value.Sex.Should().Be(citizen.Sex);
        }
    }
}
