namespace Intake.Dossiers.Printed;

/// <summary>
/// The printed labels of the 2021 CCCD, the 2024 Căn cước, birth certificates and the CT07 residence confirmation,
/// each in Vietnamese and English as printed. Matching is on folded words, so diacritics here are for the reader.
/// "Nơi đăng ký khai sinh" (2024) replaced "Quê quán" (2021); both fill placeOfOrigin.
/// </summary>
internal static class FieldLabels
{
    public static IReadOnlyList<FieldLabel> All { get; } = new FieldLabel[]
    {
        // 2021 CCCD front and back
        new(FieldNames.IdNumber, "Số / No", CardGeneration.Cccd2021),
        new(FieldNames.IdNumber, "Số"),
        new(FieldNames.IdNumber, "No"),
        new(FieldNames.FullName, "Họ và tên", CardGeneration.Cccd2021),
        new(FieldNames.FullName, "Full name"),
        new(FieldNames.DateOfBirth, "Ngày sinh"),
        new(FieldNames.DateOfBirth, "Date of birth"),
        new(FieldNames.Sex, "Giới tính"),
        new(FieldNames.Sex, "Sex"),
        new(FieldNames.Nationality, "Quốc tịch"),
        new(FieldNames.Nationality, "Nationality"),
        new(FieldNames.PlaceOfOrigin, "Quê quán", CardGeneration.Cccd2021),
        new(FieldNames.PlaceOfOrigin, "Place of origin", CardGeneration.Cccd2021),
        new(FieldNames.PlaceOfResidence, "Nơi thường trú"),
        new(FieldNames.PlaceOfResidence, "Place of residence"),
        new(FieldNames.ExpiryDate, "Có giá trị đến"),
        new(FieldNames.ExpiryDate, "Date of expiry"),
        new(FieldNames.IssueDate, "Ngày, tháng, năm", CardGeneration.Cccd2021),
        new(FieldNames.IssueDate, "Date, month, year", CardGeneration.Cccd2021),

        // 2024 Căn cước front and back
        new(FieldNames.IdNumber, "Số định danh cá nhân"),
        new(FieldNames.IdNumber, "Personal identification number", CardGeneration.CanCuoc2024),
        new(FieldNames.FullName, "Họ, chữ đệm và tên khai sinh", CardGeneration.CanCuoc2024),
        new(FieldNames.DateOfBirth, "Ngày, tháng, năm sinh"),
        new(FieldNames.PlaceOfResidence, "Nơi cư trú", CardGeneration.CanCuoc2024),
        new(FieldNames.PlaceOfOrigin, "Nơi đăng ký khai sinh", CardGeneration.CanCuoc2024),
        new(FieldNames.PlaceOfOrigin, "Place of birth", CardGeneration.CanCuoc2024),
        new(FieldNames.IssueDate, "Ngày, tháng, năm cấp", CardGeneration.CanCuoc2024),
        new(FieldNames.IssueDate, "Date of issue", CardGeneration.CanCuoc2024),
        new(FieldNames.ExpiryDate, "Ngày, tháng, năm hết hạn", CardGeneration.CanCuoc2024),

        // birth certificate (Giấy khai sinh) and CT07 residence confirmation
        new(FieldNames.FullName, "Họ, chữ đệm, tên"),
        new(FieldNames.FullName, "Họ, chữ đệm và tên"),
        new(FieldNames.FullName, "Họ tên"),

        // CT07 lines that are not applicant fields but end the address above them
        new(FieldLabel.Boundary, "Nơi tạm trú"),
        new(FieldLabel.Boundary, "Nơi ở hiện tại"),
    }
    .OrderByDescending(l => l.Keys.Count)
    .ToArray();
}
