using System.Globalization;
using System.Text;

namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>
/// A fake Vietnamese citizen, deterministic from a seed, with everything a CCCD carries: a 12-digit ID consistent
/// with date of birth and sex, optional old CMND, residence, issue and expiry dates, the QR payload and the TD1 MRZ
/// with valid check digits. No public ID specimen exists with a clear licence, so tests (and card images rendered
/// from these) use people who do not exist. The check digit is computed here independently of the code under test.
/// </summary>
public sealed record SyntheticCitizen(
    string IdNumber,
    string? OldIdNumber,
    string FamilyName,
    string MiddleName,
    string GivenName,
    DateOnly DateOfBirth,
    char Sex,
    string ProvinceCode,
    string PlaceOfOrigin,
    string PlaceOfResidence,
    DateOnly IssueDate,
    DateOnly? ExpiryDate)
{
    private static readonly string[] FamilyNames =
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];

    private static readonly string[] MaleMiddleNames = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành"];
    private static readonly string[] FemaleMiddleNames = ["Thị", "Ngọc", "Thu", "Thanh", "Mai", "Kim", "Phương"];

    private static readonly string[] MaleGivenNames =
        ["An", "Bình", "Cường", "Dũng", "Đạt", "Hùng", "Khoa", "Long", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Việt"];

    private static readonly string[] FemaleGivenNames =
        ["Anh", "Chi", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Ngân", "Nhung", "Thảo", "Trang", "Yến", "Thủy", "Hòa"];

    private static readonly string[] Streets = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Điện Biên Phủ", "Lý Thường Kiệt"];
    private static readonly string[] Wards = ["Phường 1", "Phường Bến Nghé", "Phường Tân Định", "Xã Tân Thành", "Phường Đống Đa", "Thị trấn Phú Mỹ"];

    // a sample of the 63-province table (code, name), enough variety for ID numbers and addresses
    private static readonly (string Code, string Name)[] Provinces =
    [
        ("001", "Hà Nội"), ("031", "Hải Phòng"), ("036", "Nam Định"), ("037", "Ninh Bình"), ("038", "Thanh Hóa"),
        ("040", "Nghệ An"), ("046", "Thừa Thiên Huế"), ("048", "Đà Nẵng"), ("056", "Khánh Hòa"), ("066", "Đắk Lắk"),
        ("079", "TP. Hồ Chí Minh"), ("092", "Cần Thơ"), ("096", "Cà Mau"),
    ];

    public string FullName => $"{FamilyName} {MiddleName} {GivenName}";

    public static SyntheticCitizen Create(int seed)
    {
        var random = new Random(seed);
        var sex = random.Next(2) == 0 ? 'M' : 'F';
        var dob = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 58));
        var province = Provinces[random.Next(Provinces.Length)];
        var origin = Provinces[random.Next(Provinces.Length)];
        var centurySex = ((dob.Year - 1900) / 100 * 2) + (sex == 'M' ? 0 : 1);
        var id = string.Create(CultureInfo.InvariantCulture, $"{province.Code}{centurySex}{dob.Year % 100:D2}{random.Next(0, 1_000_000):D6}");
        var oldId = random.Next(3) == 0 ? null : random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var issue = new DateOnly(2021, 1, 1).AddDays(random.Next(0, 365 * 3));
        if (issue <= dob.AddYears(14))
        {
            issue = dob.AddYears(14).AddDays(30);
        }

        return new SyntheticCitizen(
            id,
            oldId,
            FamilyNames[random.Next(FamilyNames.Length)],
            Pick(random, sex == 'M' ? MaleMiddleNames : FemaleMiddleNames),
            Pick(random, sex == 'M' ? MaleGivenNames : FemaleGivenNames),
            dob,
            sex,
            province.Code,
            $"{Pick(random, Wards)}, {origin.Name}",
            string.Create(CultureInfo.InvariantCulture, $"Số {random.Next(1, 300)} {Pick(random, Streets)}, {Pick(random, Wards)}, {province.Name}"),
            issue,
            ExpiryFor(dob, issue));
    }

    /// <summary>The QR payload of a 2021 card: id|oldId|name|ddMMyyyy|Nam/Nữ|residence|issue ddMMyyyy.</summary>
    public string QrPayload() =>
        string.Join('|', IdNumber, OldIdNumber ?? string.Empty, FullName, Compact(DateOfBirth), Sex == 'M' ? "Nam" : "Nữ", PlaceOfResidence, Compact(IssueDate));

    /// <summary>The three TD1 lines of a Vietnamese card, every check digit valid; no expiry is written 991231.</summary>
    public IReadOnlyList<string> MrzLines()
    {
        var number = IdNumber[3..];
        var line1Data = $"{number}{CheckDigit(number)}{IdNumber}<<{CheckDigit(IdNumber)}";
        var line1 = $"IDVNM{line1Data}";
        var birth = Yymmdd(DateOfBirth);
        var expiry = ExpiryDate is { } e ? Yymmdd(e) : "991231";
        var line2Start = $"{birth}{CheckDigit(birth)}{Sex}{expiry}{CheckDigit(expiry)}VNM<<<<<<<<<<<";
        var composite = CheckDigit(line1Data + line2Start[..7] + line2Start[8..15] + line2Start[18..29]);
        var line2 = $"{line2Start}{composite}";
        var name = $"{Fold(FamilyName)}<<{Fold(MiddleName)}<{Fold(GivenName)}";
        var line3 = name.Length >= 30 ? name[..30] : name.PadRight(30, '<');
        return [line1, line2, line3];
    }

    public string MrzNameFolded => $"{Fold(FamilyName)} {Fold(MiddleName)} {Fold(GivenName)}";

    /// <summary>Cards expire at 25, 40 and 60 (a card made within two years before a milestone lasts to the next); from 60, never.</summary>
    private static DateOnly? ExpiryFor(DateOnly dob, DateOnly issue)
    {
        foreach (var age in new[] { 25, 40, 60 })
        {
            var milestone = dob.AddYears(age);
            if (milestone > issue.AddYears(2))
            {
                return milestone;
            }
        }

        return null;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Compact(DateOnly date) => date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);

    private static string Yymmdd(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Fold(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToUpperInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static char CheckDigit(string data)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += value * weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }
}
