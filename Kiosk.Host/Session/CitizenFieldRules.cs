using System.Globalization;
using System.Text;
using Intake.Dossiers;
using Intake.Dossiers.IdNumbers;
using Intake.Dossiers.Text;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// What the citizen may type into a field on the review screen, and the form it is kept in: the same forms the
/// readers produce (12 digits; yyyy-MM-dd; M/F; text NFC with single spaces), so a correction is compared, checked
/// and stored like a value read from a card. The ID number follows <see cref="PersonalIdNumber"/> (Decree 137/2015);
/// dates <see cref="VietnameseDate"/> (dd/MM/yyyy, yyyy-MM-dd or ddMMyyyy, a day that exists, not in the future).
/// </summary>
internal static class CitizenFieldRules
{
    private const int LongestText = 200;

    /// <summary>The value as the dossier keeps it.</summary>
    /// <exception cref="ArgumentException">Not a field the citizen corrects, or a value it cannot hold; the message is Vietnamese / English.</exception>
    public static string Accept(string field, string? typed)
    {
        if (!SessionReview.Shown.Contains(field))
            throw new ArgumentException($"Không sửa được trường \"{field}\" / the field \"{field}\" cannot be corrected");
        var text = string.Join(' ', VietnameseText.Nfc(typed).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) throw new ArgumentException("Hãy nhập giá trị / please enter a value");
        if (text.Length > LongestText || text.Any(char.IsControl))
            throw new ArgumentException($"Giá trị quá dài hoặc có ký tự lạ (tối đa {LongestText} ký tự) / the value is too long or holds odd characters ({LongestText} characters at most)");
        return field switch
        {
            FieldNames.IdNumber => IdNumber(text),
            FieldNames.DateOfBirth => DateOfBirth(text),
            FieldNames.Sex => Sex(text),
            FieldNames.FullName => FullName(text),
            _ => text,
        };
    }

    private static string IdNumber(string text)
    {
        var parsed = PersonalIdNumber.Parse(text);
        return parsed.Succeeded
            ? parsed.Value!.Digits
            : throw new ArgumentException("Số định danh cá nhân phải có đúng 12 chữ số / the personal ID number has exactly 12 digits");
    }

    private static string DateOfBirth(string text)
    {
        // only the written forms the screen offers; the reader's "ngày … tháng … năm …" in words is for printed pages
        // a numeric on-screen keyboard has no slash: eight digits are ddMMyyyy, as the QR code writes them
        var numeric = text.All(c => char.IsAsciiDigit(c) || c is '/' or '-' or '.');
        var parsed = text.Length == 8 && text.All(char.IsAsciiDigit) ? VietnameseDate.ParseCompact(text) : VietnameseDate.Parse(text);
        if (!numeric || !parsed.Succeeded)
            throw new ArgumentException("Ngày sinh phải là ngày có thật, viết ngày/tháng/năm, ví dụ 05/01/1990 / the date of birth must be a real day written day/month/year, e.g. 05/01/1990");
        if (parsed.Value > DateOnly.FromDateTime(DateTime.Today))
            throw new ArgumentException("Ngày sinh không thể ở tương lai / the date of birth cannot be in the future");
        return VietnameseDate.Format(parsed.Value);
    }

    private static string Sex(string text) => VietnameseText.SearchKey(text) switch
    {
        "M" or "NAM" or "MALE" => "M",
        "F" or "NU" or "FEMALE" => "F",
        _ => throw new ArgumentException("Giới tính là Nam hoặc Nữ / sex is M (male) or F (female)"),
    };

    private static string FullName(string text)
    {
        // letters with their tone marks, spaces, and the apostrophe or hyphen of a few ethnic-minority names
        if (!text.All(c => char.IsLetter(c) || c is ' ' or '\'' or '-' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            throw new ArgumentException("Họ và tên chỉ gồm chữ cái (có dấu) và dấu cách / the full name holds letters (with their tone marks) and spaces only");
        return text.Normalize(NormalizationForm.FormC);
    }
}
