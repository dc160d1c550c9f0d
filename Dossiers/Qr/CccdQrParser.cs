using Intake.Dossiers.IdNumbers;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Qr;

/// <summary>
/// Reads the citizen-ID QR payload <c>id|oldId|name|ddMMyyyy|Nam/Nữ|residence|issue ddMMyyyy</c> (2021 card).
/// The 2024 card's payload is unpublished: its first seven fields are mapped the same way when they validate and
/// anything after them is kept raw. Garbage gives a failed extraction with the reason, never an exception.
/// </summary>
public static class CccdQrParser
{
    private const int KnownFieldCount = 7;

    public static Extraction<CccdQrData> Parse(string? payload)
    {
        var text = VietnameseText.Nfc(payload).Trim().Trim('\uFEFF');
        if (text.Length == 0)
        {
            return Fail("Mã QR rỗng", "The QR payload is empty");
        }

        var parts = text.Split('|').Select(p => p.Trim()).ToArray();
        if (parts.Length < KnownFieldCount)
        {
            return Fail(
                $"Mã QR không phải của thẻ căn cước: có {parts.Length} trường, cần ít nhất {KnownFieldCount}",
                $"Not a citizen-ID QR: {parts.Length} fields, at least {KnownFieldCount} expected");
        }

        var id = PersonalIdNumber.Parse(parts[0]);
        if (!id.Succeeded)
        {
            return Extraction.Failure<CccdQrData>(
                Check.Fail("qr.idNumber", $"Mã QR: trường đầu không phải số định danh: \"{parts[0]}\"", $"QR: the first field is not an ID number: \"{parts[0]}\""),
                id.Checks);
        }

        var checks = new List<Check>(id.Checks);
        var oldId = OldId(parts[1], checks);
        var name = parts[2].Length > 0 ? parts[2] : Missing("qr.fullName", "họ tên", "full name", checks);
        var dob = Date(parts[3], "qr.dateOfBirth", "ngày sinh", "date of birth", checks);
        var sex = Sex(parts[4], checks);
        var residence = parts[5].Length > 0 ? parts[5] : Missing("qr.placeOfResidence", "nơi thường trú", "place of residence", checks);
        var issued = Date(parts[6], "qr.issueDate", "ngày cấp", "issue date", checks);
        checks.AddRange(id.Value!.CrossCheck(dob, sex));

        var data = new CccdQrData(id.Value.Digits, oldId, name, dob, sex, residence, issued, parts[KnownFieldCount..]);
        return Extraction.Success(data, checks);
    }

    private static string? OldId(string value, List<Check> checks)
    {
        if (value.Length == 0)
        {
            return null; // no old CMND: normal for anyone who never had one
        }

        if (value.Length is 9 or 12 && value.All(char.IsAsciiDigit))
        {
            return value;
        }

        checks.Add(Check.Fail("qr.oldIdNumber", $"Mã QR: số CMND cũ không hợp lệ: \"{value}\"", $"QR: invalid old ID number: \"{value}\""));
        return null;
    }

    private static DateOnly? Date(string value, string name, string vietnamese, string english, List<Check> checks)
    {
        var date = VietnameseDate.ParseCompact(value);
        if (date.Succeeded)
        {
            return date.Value;
        }

        checks.Add(Check.Fail(name, $"Mã QR: {vietnamese} không hợp lệ: \"{value}\"", $"QR: invalid {english}: \"{value}\""));
        return null;
    }

    private static char? Sex(string value, List<Check> checks)
    {
        switch (VietnameseText.SearchKey(value))
        {
            case "NAM":
                return 'M';
            case "NU":
                return 'F';
            default:
                checks.Add(Check.Fail("qr.sex", $"Mã QR: giới tính không hợp lệ: \"{value}\"", $"QR: invalid sex: \"{value}\""));
                return null;
        }
    }

    private static string? Missing(string name, string vietnamese, string english, List<Check> checks)
    {
        checks.Add(Check.Fail(name, $"Mã QR: thiếu {vietnamese}", $"QR: {english} is missing"));
        return null;
    }

    private static Extraction<CccdQrData> Fail(string vietnamese, string english) =>
        Extraction.Failure<CccdQrData>(Check.Fail("qr.format", vietnamese, english));
}
