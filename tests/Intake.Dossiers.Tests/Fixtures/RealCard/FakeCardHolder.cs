using System.Globalization;
using System.Text;

namespace Intake.Dossiers.Tests.Fixtures.RealCard;

/// <summary>
/// A person who does not exist, deterministic from a seed, for the real-layout card family: a Vietnamese name with
/// its diacritics (one or two middle names), a 12-digit personal ID `PPP G YY NNNNNN` whose province code comes from
/// the 63-province table and whose century/sex digit agrees with the birth date and sex (Decree 137/2015, Circular
/// 07/2016/TT-BCA), the card's dates, the 2021 QR payload and the TD1 MRZ (ICAO 9303 check digits). Written apart from
/// <see cref="SyntheticCitizen"/> on purpose: a second family must not share the first one's mistakes.
/// </summary>
public sealed record FakeCardHolder(
    string IdNumber,
    string OldIdNumber,
    string FamilyName,
    IReadOnlyList<string> MiddleNames,
    string GivenName,
    DateOnly DateOfBirth,
    bool Male,
    string PlaceOfOrigin,
    string PlaceOfResidence,
    DateOnly IssueDate,
    DateOnly? ExpiryDate)
{
    private static readonly string[] Families =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Lưu", "Quách", "Châu", "Từ", "Thái", "Kiều", "Đoàn",
    ];

    private static readonly string[] MaleMiddles = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thế", "Xuân", "Trọng", "Gia", "Đình", "Tiến"];
    private static readonly string[] FemaleMiddles = ["Thị", "Ngọc", "Thu", "Thùy", "Mỹ", "Kim", "Bảo", "Diệu", "Khánh", "Hoài", "Quỳnh", "Tường"];

    private static readonly string[] MaleGiven =
    [
        "Bảo", "Cường", "Duy", "Dũng", "Đạt", "Hiếu", "Hoàng", "Huy", "Khải", "Khôi", "Lộc", "Mạnh", "Nghĩa", "Nhật",
        "Phát", "Quyết", "Sỹ", "Tài", "Thịnh", "Trí", "Tùng", "Vĩnh", "Vượng", "Ước",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Ánh", "Châu", "Diễm", "Giang", "Hằng", "Hiền", "Huyền", "Khuê", "Loan", "Ly", "My", "Nguyệt", "Nhi", "Oanh",
        "Phượng", "Quyên", "Thư", "Tiên", "Trâm", "Uyên", "Vân", "Xuân", "Yến", "Ngà",
    ];

    private static readonly string[] Streets =
    [
        "Nguyễn Thị Minh Khai", "Lê Duẩn", "Phạm Ngũ Lão", "Võ Thị Sáu", "Quang Trung", "Bạch Đằng", "Hùng Vương", "Tôn Đức Thắng",
    ];

    private static readonly string[] Localities =
    [
        "Phường Hòa Khánh Bắc", "Xã Tân Phước", "Phường Quyết Thắng", "Thị trấn Đức Hòa", "Xã Nghĩa Đồng", "Phường Xuân Khánh",
        "Xã Ea Tu", "Phường Mỹ Bình",
    ];

    // the 63-province table of ID numbers (guide, "Province codes in ID numbers"); numbers did not change with the 2025 merger
    private static readonly (string Code, string Name)[] Provinces =
    [
        ("001", "Hà Nội"), ("002", "Hà Giang"), ("004", "Cao Bằng"), ("006", "Bắc Kạn"), ("008", "Tuyên Quang"), ("010", "Lào Cai"),
        ("011", "Điện Biên"), ("012", "Lai Châu"), ("014", "Sơn La"), ("015", "Yên Bái"), ("017", "Hòa Bình"), ("019", "Thái Nguyên"),
        ("020", "Lạng Sơn"), ("022", "Quảng Ninh"), ("024", "Bắc Giang"), ("025", "Phú Thọ"), ("026", "Vĩnh Phúc"), ("027", "Bắc Ninh"),
        ("030", "Hải Dương"), ("031", "Hải Phòng"), ("033", "Hưng Yên"), ("034", "Thái Bình"), ("035", "Hà Nam"), ("036", "Nam Định"),
        ("037", "Ninh Bình"), ("038", "Thanh Hóa"), ("040", "Nghệ An"), ("042", "Hà Tĩnh"), ("044", "Quảng Bình"), ("045", "Quảng Trị"),
        ("046", "Thừa Thiên Huế"), ("048", "Đà Nẵng"), ("049", "Quảng Nam"), ("051", "Quảng Ngãi"), ("052", "Bình Định"), ("054", "Phú Yên"),
        ("056", "Khánh Hòa"), ("058", "Ninh Thuận"), ("060", "Bình Thuận"), ("062", "Kon Tum"), ("064", "Gia Lai"), ("066", "Đắk Lắk"),
        ("067", "Đắk Nông"), ("068", "Lâm Đồng"), ("070", "Bình Phước"), ("072", "Tây Ninh"), ("074", "Bình Dương"), ("075", "Đồng Nai"),
        ("077", "Bà Rịa - Vũng Tàu"), ("079", "TP. Hồ Chí Minh"), ("080", "Long An"), ("082", "Tiền Giang"), ("083", "Bến Tre"), ("084", "Trà Vinh"),
        ("086", "Vĩnh Long"), ("087", "Đồng Tháp"), ("089", "An Giang"), ("091", "Kiên Giang"), ("092", "Cần Thơ"), ("093", "Hậu Giang"),
        ("094", "Sóc Trăng"), ("095", "Bạc Liêu"), ("096", "Cà Mau"),
    ];

    public string FullName => string.Join(' ', [FamilyName, .. MiddleNames, GivenName]);

    public string Sex => Male ? "M" : "F";

    /// <param name="generation2024">A Căn cước (issued from 1 July 2024) rather than a 2021 CCCD.</param>
    public static FakeCardHolder Create(int seed, bool generation2024)
    {
        var random = new Random(unchecked((seed * 104_729) + 17));
        var male = random.Next(2) == 0;
        var issue = generation2024
            ? new DateOnly(2024, 7, 1).AddDays(random.Next(0, 540))
            : new DateOnly(2021, 1, 15).AddDays(random.Next(0, 1200));
        // anyone from 14 to 85 at issue
        var dob = issue.AddYears(-14 - random.Next(0, 72)).AddDays(-random.Next(0, 365));
        var birthProvince = Provinces[random.Next(Provinces.Length)];
        var home = Provinces[random.Next(Provinces.Length)];
        var centuryAndSex = ((dob.Year / 100) - 19) * 2 + (male ? 0 : 1);
        var id = string.Create(CultureInfo.InvariantCulture, $"{birthProvince.Code}{centuryAndSex}{dob.Year % 100:D2}{random.Next(0, 1_000_000):D6}");
        var oldId = random.Next(3) == 0 ? string.Empty : random.Next(100_000_000, 400_000_000).ToString(CultureInfo.InvariantCulture);
        var middles = random.Next(4) == 0
            ? new[] { Pick(random, male ? MaleMiddles : FemaleMiddles), Pick(random, male ? MaleMiddles : FemaleMiddles) }.Distinct().ToArray()
            : [Pick(random, male ? MaleMiddles : FemaleMiddles)];
        return new FakeCardHolder(
            id,
            oldId,
            Pick(random, Families),
            middles,
            Pick(random, male ? MaleGiven : FemaleGiven),
            dob,
            male,
            $"{Pick(random, Localities)}, {birthProvince.Name}",
            string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 400)} {Pick(random, Streets)}, {Pick(random, Localities)}, {home.Name}"),
            issue,
            Expiry(dob, issue));
    }

    /// <summary>The 2021 QR payload: id|oldId|name|ddMMyyyy|Nam/Nữ|residence|issue ddMMyyyy (guide, "QR payload").</summary>
    public string QrPayload() =>
        string.Join('|', IdNumber, OldIdNumber, FullName, DayMonthYear(DateOfBirth), Male ? "Nam" : "Nữ", PlaceOfResidence, DayMonthYear(IssueDate));

    /// <summary>The TD1 MRZ as a Vietnamese card prints it (guide, "MRZ"): three lines of 30, every check digit valid.</summary>
    public string[] Mrz()
    {
        var last9 = IdNumber[3..];
        var line1 = "IDVNM" + last9 + Check(last9) + IdNumber + "<<" + Check(IdNumber);
        var birth = DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var expiry = ExpiryDate?.ToString("yyMMdd", CultureInfo.InvariantCulture) ?? "991231";
        var line2 = birth + Check(birth) + Sex + expiry + Check(expiry) + "VNM" + new string('<', 11);
        // composite: line 1 positions 6-30, line 2 positions 1-7, 9-15 and 19-29
        line2 += Check(line1[5..] + line2[..7] + line2[8..15] + line2[18..29]);
        var name = Ascii(FamilyName) + "<<" + string.Join('<', MiddleNames.Append(GivenName).Select(Ascii));
        var line3 = name.Length > 30 ? name[..30] : name.PadRight(30, '<');
        return [line1, line2, line3];
    }

    /// <summary>ICAO 9303 part 3 check digit: 0-9, A=10..Z=35, filler 0; weights 7, 3, 1; sum mod 10.</summary>
    public static char Check(string field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : 0;
            sum += value * (i % 3) switch { 0 => 7, 1 => 3, _ => 1 };
        }

        return (char)('0' + (sum % 10));
    }

    public static string DayMonthYear(DateOnly date) => date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);

    /// <summary>Valid to the 25th, 40th or 60th birthday; a card made in the two years before one lasts to the next; from 60 none.</summary>
    private static DateOnly? Expiry(DateOnly dob, DateOnly issue) =>
        new[] { 25, 40, 60 }.Select(age => dob.AddYears(age)).Cast<DateOnly?>().FirstOrDefault(d => d > issue.AddYears(2));

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>Diacritics dropped and Đ written D, in capitals, as the MRZ name is.</summary>
    private static string Ascii(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Replace("Đ", "D", StringComparison.Ordinal).Replace("đ", "d", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(char.ToUpperInvariant(c));
            }
        }

        return text.ToString();
    }
}
