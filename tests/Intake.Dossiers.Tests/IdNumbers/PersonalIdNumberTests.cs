using FluentAssertions;
using Intake.Dossiers.IdNumbers;

namespace Intake.Dossiers.Tests.IdNumbers;

public class PersonalIdNumberTests
{
    [Fact]
    public void Reads_province_century_sex_and_birth_year()
    {
        var id = PersonalIdNumber.Parse("079090001234").Value!;

        id.ProvinceName.Should().Be("TP. Hồ Chí Minh");
        id.RegisteredAbroad.Should().BeFalse();
        id.Sex.Should().Be('M');
        id.BirthYear.Should().Be(1990);
    }

    [Theory]
    [InlineData("001305000001", 2005, 'F')]
    [InlineData("038100000001", 1900, 'F')]
    [InlineData("096299000001", 2099, 'M')]
    public void Century_digit_gives_century_and_sex(string digits, int year, char sex)
    {
        var id = PersonalIdNumber.Parse(digits).Value!;

        id.BirthYear.Should().Be(year);
        id.Sex.Should().Be(sex);
    }

    [Fact]
    public void The_table_has_the_63_provinces()
    {
        ProvinceCodes.Names.Should().HaveCount(63);
        ProvinceCodes.NameOf("017").Should().Be("Hòa Bình");
    }

    [Fact]
    public void Unknown_province_is_a_failed_check_and_abroad_is_not()
    {
        PersonalIdNumber.Parse("003090001234").Checks.Should().Contain(c => c.Name == "idNumber.province" && !c.Passed);
        var abroad = PersonalIdNumber.Parse("704090001234");
        abroad.Value!.RegisteredAbroad.Should().BeTrue();
        abroad.Checks.Should().OnlyContain(c => c.Passed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("07909000123")]
    [InlineData("07909000123X")]
    [InlineData("٠٧٩٠٩٠٠٠١٢٣٤")]
    public void Not_twelve_digits_fails(string? text)
    {
        var result = PersonalIdNumber.Parse(text);

        result.Succeeded.Should().BeFalse();
        result.FailureReason.Should().Contain("12 chữ số").And.Contain("12 digits");
    }

    [Fact]
    public void Cross_check_catches_century_and_sex_contradictions()
    {
        var id = PersonalIdNumber.Parse("079290001234").Value!;

        var checks = id.CrossCheck(new DateOnly(1990, 1, 15), 'F');

        checks.Should().HaveCount(2).And.OnlyContain(c => !c.Passed);
        checks[0].Message.Should().Contain("2090").And.Contain(" / ");
    }

    [Fact]
    public void Cross_check_passes_when_everything_agrees()
    {
        PersonalIdNumber.Parse("079090001234").Value!.CrossCheck(new DateOnly(1990, 1, 15), 'M').Should().OnlyContain(c => c.Passed);
    }
}
