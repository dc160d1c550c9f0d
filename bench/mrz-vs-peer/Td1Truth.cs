using System.Globalization;

namespace Intake.Bench.MrzVsPeer;

/// <summary>
/// One generated Vietnamese CCCD back as its MRZ says it (ICAO 9303 Part 5 TD1): document code ID, issuer VNM,
/// the 9-digit card number (the ID's last nine digits) and its check digit, the 12-digit ID in the optional data
/// with its own check digit in position 30, birth date, sex, expiry, nationality VNM, the name. Dates are YYMMDD as
/// written. Check digits are computed here (Part 3 §4.9), independently of the parser under test.
/// </summary>
internal sealed record Td1Truth(
    string DocumentNumber, string IdNumber, string BirthDate, char Sex, string ExpiryDate, string Surname, string GivenNames)
{
    private static readonly string[] Surnames =
        ["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "PHAN", "VU", "VO", "DANG", "BUI", "DO", "HO", "NGO", "DUONG", "LY", "TRUONG", "DINH"];

    private static readonly string[] Middles = ["VAN", "THI", "HUU", "DUC", "MINH", "NGOC", "THANH", "QUOC", "XUAN", "KIM", "BICH", "GIA", "CONG"];

    private static readonly string[] Givens =
    [
        "AN", "BINH", "CUONG", "DUNG", "GIANG", "HA", "HAI", "HIEU", "HOA", "HUNG", "KHANH", "LAN", "LINH", "LONG", "MAI", "NAM",
        "NGA", "PHUONG", "QUANG", "SON", "TAM", "THAO", "TRANG", "TUAN", "VIET", "YEN", "KHOA", "KIEN", "BAO", "SANG", "NGOC", "OANH",
    ];

    private static readonly string[] Provinces = ["001", "031", "036", "038", "040", "046", "048", "056", "066", "079", "092", "096"];

    public string NameZone => $"{Surname}<<{GivenNames.Replace(' ', '<')}".PadRight(30, '<');

    public static Td1Truth Create(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 57));
        var sex = random.Next(2) == 0 ? 'M' : 'F';
        var centurySex = ((birth.Year - 1900) / 100 * 2) + (sex == 'M' ? 0 : 1);
        var id = string.Create(
            CultureInfo.InvariantCulture, $"{Provinces[random.Next(Provinces.Length)]}{centurySex}{birth.Year % 100:D2}{random.Next(0, 1_000_000):D6}");
        var expiry = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 365 * 20));
        var given = random.Next(4) == 0
            ? $"{Pick(random, Middles)} {Pick(random, Middles)} {Pick(random, Givens)}"
            : $"{Pick(random, Middles)} {Pick(random, Givens)}";
        return new Td1Truth(id[3..], id, Yymmdd(birth), sex, Yymmdd(expiry), Pick(random, Surnames), given);
    }

    public string[] Lines()
    {
        var line1Data = $"{DocumentNumber}{Check(DocumentNumber)}{IdNumber}<<{Check(IdNumber)}";
        var line2 = $"{BirthDate}{Check(BirthDate)}{Sex}{ExpiryDate}{Check(ExpiryDate)}VNM<<<<<<<<<<<";
        var composite = Check(line1Data + line2[..7] + line2[8..15] + line2[18..29]);
        return [$"IDVNM{line1Data}", $"{line2}{composite}", NameZone];
    }

    /// <summary>ICAO 9303 Part 3 §4.9: 0-9, A=10 … Z=35, '&lt;'=0, weights 7, 3, 1, sum mod 10.</summary>
    public static char Check(string data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var value = c switch { >= '0' and <= '9' => c - '0', >= 'A' and <= 'Z' => c - 'A' + 10, _ => 0 };
            sum += value * (i % 3) switch { 0 => 7, 1 => 3, _ => 1 };
        }

        return (char)('0' + (sum % 10));
    }

    private static string Yymmdd(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
