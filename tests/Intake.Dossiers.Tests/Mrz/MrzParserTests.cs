using FluentAssertions;
using Intake.Dossiers.Mrz;
using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Dossiers.Tests.Mrz;

public class MrzParserTests
{
    private const string VietnameseTd1 =
        "IDVNM0900012345079090001234<<5\n9001158M3001156VNM<<<<<<<<<<<0\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<";

    private const string UtopiaTd1 =
        "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    private static readonly string UtopiaTd3 =
        "P<UTOERIKSSON<<ANNA<MARIA".PadRight(44, '<') + "\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static readonly string UtopiaTd2 =
        "I<UTOERIKSSON<<ANNA<MARIA".PadRight(36, '<') + "\nD231458907UTO7408122F1204159<<<<<<<6";

    [Fact]
    public void Vietnamese_specimen_from_the_guide_reads_with_every_check_digit_valid()
    {
        var result = MrzParser.Parse(VietnameseTd1);

        result.Succeeded.Should().BeTrue();
        var mrz = result.Value!;
        mrz.Format.Should().Be(MrzFormat.Td1);
        mrz.AllCheckDigitsValid.Should().BeTrue();
        mrz.WasRepaired.Should().BeFalse();
        mrz.CheckDigits.Select(c => c.Field).Should().Contain([MrzReading.DocumentNumberField, MrzReading.PersonalIdField, MrzReading.CompositeField]);
        mrz.IssuingCountry.Should().Be("VNM");
        mrz.DocumentNumber.Should().Be("090001234");
        mrz.PersonalIdNumber.Should().Be("079090001234");
        mrz.DateOfBirth.Should().Be(new DateOnly(1990, 1, 15));
        mrz.Sex.Should().Be('M');
        mrz.ExpiryDate.Should().Be(new DateOnly(2030, 1, 15));
        mrz.Surname.Should().Be("NGUYEN");
        mrz.GivenNames.Should().Be("VAN AN");
        result.Checks.Should().OnlyContain(c => c.Passed);
    }

    [Fact]
    public void Icao_td1_specimen_reads_valid()
    {
        var mrz = MrzParser.Parse(UtopiaTd1).Value!;

        mrz.AllCheckDigitsValid.Should().BeTrue();
        mrz.DocumentCode.Should().Be("I");
        mrz.IssuingCountry.Should().Be("UTO");
        mrz.DocumentNumber.Should().Be("D23145890");
        mrz.PersonalIdNumber.Should().BeNull();
        mrz.DateOfBirth.Should().Be(new DateOnly(1974, 8, 12));
        mrz.Sex.Should().Be('F');
        mrz.ExpiryDate.Should().Be(new DateOnly(2012, 4, 15));
        mrz.FullName.Should().Be("ERIKSSON ANNA MARIA");
    }

    [Fact]
    public void Icao_td3_passport_specimen_reads_valid()
    {
        var mrz = MrzParser.Parse(UtopiaTd3).Value!;

        mrz.Format.Should().Be(MrzFormat.Td3);
        mrz.AllCheckDigitsValid.Should().BeTrue();
        mrz.CheckDigits.Should().HaveCount(5);
        mrz.DocumentCode.Should().Be("P");
        mrz.DocumentNumber.Should().Be("L898902C3");
        mrz.Nationality.Should().Be("UTO");
        mrz.DateOfBirth.Should().Be(new DateOnly(1974, 8, 12));
        mrz.ExpiryDate.Should().Be(new DateOnly(2012, 4, 15));
        mrz.Surname.Should().Be("ERIKSSON");
        mrz.GivenNames.Should().Be("ANNA MARIA");
    }

    [Fact]
    public void Icao_td2_specimen_reads_valid()
    {
        var mrz = MrzParser.Parse(UtopiaTd2).Value!;

        mrz.Format.Should().Be(MrzFormat.Td2);
        mrz.AllCheckDigitsValid.Should().BeTrue();
        mrz.DocumentNumber.Should().Be("D23145890");
        mrz.Sex.Should().Be('F');
    }

    [Fact]
    public void Spaces_lowercase_and_guillemets_from_ocr_are_tolerated()
    {
        const string ocr = "Some header text\nidvnm 0900012345 079090001234««5\n900115 8M300115 6VNM<<<<<<<<<<<0\nnguyen«<van<an««««««««««««««««";

        var mrz = MrzParser.Parse(ocr).Value!;

        mrz.AllCheckDigitsValid.Should().BeTrue();
        mrz.PersonalIdNumber.Should().Be("079090001234");
        mrz.FullName.Should().Be("NGUYEN VAN AN");
    }

    [Fact]
    public void Letter_o_in_a_digits_only_number_is_repaired_and_reported()
    {
        var mrz = MrzParser.Parse(VietnameseTd1.Replace("IDVNM09", "IDVNMO9", StringComparison.Ordinal)).Value!;

        mrz.DocumentNumber.Should().Be("090001234");
        mrz.AllCheckDigitsValid.Should().BeTrue();
        mrz.WasRepaired.Should().BeTrue();
        mrz.Repairs.Should().ContainSingle().Which.Should().Contain("O→0");
    }

    [Fact]
    public void Letter_o_in_an_alphanumeric_passport_number_is_repaired_by_its_check_digit()
    {
        var mrz = MrzParser.Parse(UtopiaTd3.Replace("L898902C3", "L8989O2C3", StringComparison.Ordinal)).Value!;

        mrz.DocumentNumber.Should().Be("L898902C3");
        mrz.CheckDigits.Single(c => c.Field == MrzReading.DocumentNumberField).Should().Be(new MrzCheckDigitResult(MrzReading.DocumentNumberField, true, true));
        mrz.AllCheckDigitsValid.Should().BeTrue();
    }

    [Fact]
    public void A_nine_read_as_zero_in_the_birth_date_is_repaired_when_only_one_repair_fits()
    {
        var damaged = VietnameseTd1.Replace("9001158M", "0001158M", StringComparison.Ordinal);

        var mrz = MrzParser.Parse(damaged).Value!;

        mrz.DateOfBirth.Should().Be(new DateOnly(1990, 1, 15));
        mrz.CheckDigits.Single(c => c.Field == MrzReading.DateOfBirthField).Repaired.Should().BeTrue();
        mrz.AllCheckDigitsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("9001258M")]
    [InlineData("9002158M")]
    [InlineData("9001154M")]
    public void A_wrong_digit_in_the_birth_date_is_never_accepted_silently(string damagedStart)
    {
        var result = MrzParser.Parse(VietnameseTd1.Replace("9001158M", damagedStart, StringComparison.Ordinal));

        var mrz = result.Value!;
        var dob = mrz.CheckDigits.Single(c => c.Field == MrzReading.DateOfBirthField);
        if (dob.Valid)
        {
            dob.Repaired.Should().BeTrue();
            mrz.DateOfBirth.Should().Be(new DateOnly(1990, 1, 15));
        }
        else
        {
            mrz.AllCheckDigitsValid.Should().BeFalse();
            result.Checks.Should().Contain(c => !c.Passed && c.Name == "mrz.dateOfBirth");
            mrz.ToFields()[FieldNames.DateOfBirth].Confidence.Should().BeLessThan(0.9);
        }
    }

    [Fact]
    public void A_broken_composite_is_flagged()
    {
        var mrz = MrzParser.Parse(VietnameseTd1.Replace("<<<<0\n", "<<<<7\n", StringComparison.Ordinal)).Value!;

        mrz.AllCheckDigitsValid.Should().BeFalse();
        mrz.CheckDigits.Single(c => c.Field == MrzReading.CompositeField).Valid.Should().BeFalse();
        mrz.ToFields()[FieldNames.IdNumber].Confidence.Should().BeLessThan(0.95);
    }

    [Fact]
    public void Mrz_of_the_wrong_length_fails_with_a_message()
    {
        var result = MrzParser.Parse("IDVNM0900012345079090001234<5\n9001158M3001156VNM<<<<<<<<<<0\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<");

        result.Succeeded.Should().BeFalse();
        result.FailureReason.Should().Contain("MRZ sai độ dài").And.Contain(" / MRZ has the wrong length");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")]
    [InlineData("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<")]
    [InlineData("@@@@\u0000\u00ff€€€€")]
    public void Garbage_gives_a_failure_or_failed_checks_never_an_exception(string? text)
    {
        var act = () => MrzParser.Parse(text);

        var result = act.Should().NotThrow().Subject;
        (result.Succeeded && result.Value!.AllCheckDigitsValid && result.Value.DateOfBirth is not null).Should().BeFalse();
    }

    [Fact]
    public void Expiry_991231_reads_as_no_expiry_and_says_the_convention_is_unverified()
    {
        var citizen = SyntheticCitizen.Create(3) with { DateOfBirth = new DateOnly(1955, 3, 4), IdNumber = "001055123456", ExpiryDate = null };

        var result = MrzParser.Parse(citizen.MrzLines());

        result.Value!.NoExpiry.Should().BeTrue();
        result.Value.ExpiryDate.Should().BeNull();
        result.Value.AllCheckDigitsValid.Should().BeTrue();
        result.Checks.Should().Contain(c => c.Name == "mrz.noExpiry" && c.Message.Contains("unverified", StringComparison.Ordinal));
        result.Value.ToFields()[FieldNames.ExpiryDate].Value.Should().Be(FieldNames.NoExpiry);
    }

    [Fact]
    public void Every_synthetic_citizen_mrz_reads_back_exactly()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var citizen = SyntheticCitizen.Create(seed);

            var mrz = MrzParser.Parse(citizen.MrzLines()).Value!;

            mrz.AllCheckDigitsValid.Should().BeTrue($"seed {seed}");
            mrz.WasRepaired.Should().BeFalse($"seed {seed}");
            mrz.PersonalIdNumber.Should().Be(citizen.IdNumber);
            mrz.DateOfBirth.Should().Be(citizen.DateOfBirth, $"seed {seed}");
            mrz.Sex.Should().Be(citizen.Sex);
            mrz.FullName.Should().Be(citizen.MrzNameFolded);
        }
    }
}
