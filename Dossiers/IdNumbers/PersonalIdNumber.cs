using System.Globalization;

namespace Intake.Dossiers.IdNumbers;

/// <summary>
/// The 12-digit personal ID number <c>PPP G YY NNNNNN</c> (Decree 137/2015): where the birth was registered,
/// century and sex, the last two digits of the birth year, a serial. It has no check digit, so these rules,
/// checked against the date of birth and sex read elsewhere, are the only way to catch a misread digit.
/// </summary>
public sealed class PersonalIdNumber
{
    private PersonalIdNumber(string digits) => Digits = digits;

    public string Digits { get; }

    /// <summary>PPP: a province code from <see cref="ProvinceCodes"/>, or a country code when the first digit is not 0.</summary>
    public string RegistrationCode => Digits[..3];

    public bool RegisteredAbroad => Digits[0] != '0';

    public string? ProvinceName => RegisteredAbroad ? null : ProvinceCodes.NameOf(RegistrationCode);

    /// <summary>G: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s; even is male.</summary>
    public int CenturySexDigit => Digits[3] - '0';

    public char Sex => CenturySexDigit % 2 == 0 ? 'M' : 'F';

    public int BirthYear => 1900 + (CenturySexDigit / 2 * 100) + int.Parse(Digits[4..6], CultureInfo.InvariantCulture);

    public override string ToString() => Digits;

    /// <summary>
    /// Reads a 12-digit number (spaces and dots ignored). Fails only when it is not 12 digits; rule violations that
    /// may be misreadings (unknown province, impossible century) come back as failed checks beside the value.
    /// </summary>
    public static Extraction<PersonalIdNumber> Parse(string? text)
    {
        var digits = new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray());
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
        {
            return Extraction.Failure<PersonalIdNumber>(Check.Fail(
                "idNumber.format",
                $"Số định danh cá nhân phải có đúng 12 chữ số: \"{text}\"",
                $"A personal ID number has exactly 12 digits: \"{text}\""));
        }

        var id = new PersonalIdNumber(digits);
        return Extraction.Success(id, [id.ProvinceCheck(), id.CenturyCheck()]);
    }

    /// <summary>Checks the century/sex digit and birth year against a date of birth and sex read from elsewhere.</summary>
    public IReadOnlyList<Check> CrossCheck(DateOnly? dateOfBirth, char? sex)
    {
        var checks = new List<Check>();
        if (dateOfBirth is { } dob)
        {
            checks.Add(dob.Year == BirthYear
                ? Check.Pass("idNumber.birthYear", $"Số định danh khớp năm sinh {dob.Year}", $"ID number agrees with birth year {dob.Year}")
                : Check.Fail(
                    "idNumber.birthYear",
                    $"Số định danh {Digits} chỉ năm sinh {BirthYear} nhưng ngày sinh là {VietnameseDateText(dob)}",
                    $"ID number {Digits} implies birth year {BirthYear} but the date of birth is {VietnameseDateText(dob)}"));
        }

        if (sex is 'M' or 'F')
        {
            checks.Add(sex == Sex
                ? Check.Pass("idNumber.sex", "Số định danh khớp giới tính", "ID number agrees with sex")
                : Check.Fail(
                    "idNumber.sex",
                    $"Số định danh {Digits} chỉ giới tính {SexName(Sex)} nhưng giấy tờ ghi {SexName(sex.Value)}",
                    $"ID number {Digits} implies sex {Sex} but the document says {sex}"));
        }

        return checks;
    }

    private Check ProvinceCheck()
    {
        if (RegisteredAbroad)
        {
            return Check.Pass(
                "idNumber.province",
                $"Khai sinh ở nước ngoài (mã {RegistrationCode})",
                $"Birth registered abroad (code {RegistrationCode})");
        }

        return ProvinceName is { } name
            ? Check.Pass("idNumber.province", $"Nơi đăng ký khai sinh: {name}", $"Birth registered in {name}")
            : Check.Fail(
                "idNumber.province",
                $"Mã tỉnh {RegistrationCode} không có trong bảng mã",
                $"Province code {RegistrationCode} is not in the table");
    }

    private Check CenturyCheck()
    {
        var thisYear = DateTime.UtcNow.Year;
        return BirthYear <= thisYear
            ? Check.Pass("idNumber.century", $"Năm sinh theo số định danh: {BirthYear}", $"Birth year from the ID number: {BirthYear}")
            : Check.Fail(
                "idNumber.century",
                $"Số định danh chỉ năm sinh {BirthYear}, ở tương lai",
                $"The ID number implies birth year {BirthYear}, in the future");
    }

    private static string SexName(char sex) => sex == 'M' ? "Nam" : "Nữ";

    private static string VietnameseDateText(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
