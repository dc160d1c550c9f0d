namespace Intake.Dossiers.Classification;

/// <summary>
/// The phrases that identify each document. Titles ("GIẤY KHAI SINH") weigh most; labels that several documents
/// share ("Số định danh cá nhân" is on cards, birth certificates and CT07) weigh little and only tip the balance.
/// </summary>
internal static class ClassifierKeywords
{
    public static IReadOnlyList<ClassifierKeyword> All { get; } =
    [
        new(DocumentTypes.Cccd2021Front, "Căn cước công dân", 3),
        new(DocumentTypes.Cccd2021Front, "Citizen identity card", 2),
        new(DocumentTypes.Cccd2021Front, "Họ và tên", 0.5),
        new(DocumentTypes.Cccd2021Front, "Quê quán", 1.5),
        new(DocumentTypes.Cccd2021Front, "Place of origin", 1),
        new(DocumentTypes.Cccd2021Front, "Có giá trị đến", 1.5),
        new(DocumentTypes.Cccd2021Front, "Date of expiry", 1),
        new(DocumentTypes.Cccd2021Back, "Đặc điểm nhân dạng", 3),
        new(DocumentTypes.Cccd2021Back, "Personal identification", 1),
        new(DocumentTypes.Cccd2021Back, "Ngón trỏ trái", 1.5),
        new(DocumentTypes.Cccd2021Back, "Ngón trỏ phải", 1.5),
        new(DocumentTypes.Cccd2021Back, "Cục cảnh sát quản lý hành chính về trật tự xã hội", 2),
        new(DocumentTypes.Cccd2024Front, "Căn cước", 1.5),
        new(DocumentTypes.Cccd2024Front, "Identity card", 1.5),

        // the 2021 title contains the 2024 one: take back what "Căn cước" and "Identity card" gave the 2024 card
        new(DocumentTypes.Cccd2024Front, "Căn cước công dân", -1.5),
        new(DocumentTypes.Cccd2024Front, "Citizen identity card", -1.5),
        new(DocumentTypes.Cccd2024Front, "Số định danh cá nhân", 1),
        new(DocumentTypes.Cccd2024Front, "Họ, chữ đệm và tên khai sinh", 2.5),
        new(DocumentTypes.Cccd2024Back, "Nơi cư trú", 2),
        new(DocumentTypes.Cccd2024Back, "Nơi đăng ký khai sinh", 2),
        new(DocumentTypes.Cccd2024Back, "Bộ Công an", 1),
        new(DocumentTypes.Cccd2024Back, "Ngày, tháng, năm hết hạn", 1.5),
        new(DocumentTypes.BirthCertificate, "Giấy khai sinh", 4),
        new(DocumentTypes.BirthCertificate, "Trích lục khai sinh", 4),
        new(DocumentTypes.MarriageCertificate, "Giấy chứng nhận kết hôn", 4),
        new(DocumentTypes.MarriageCertificate, "Trích lục kết hôn", 4),
        new(DocumentTypes.ResidenceConfirmation, "Xác nhận thông tin về cư trú", 4),
        new(DocumentTypes.ResidenceConfirmation, "CT07", 2),
        new(DocumentTypes.LandCertificate, "Quyền sử dụng đất", 4),
        new(DocumentTypes.LandCertificate, "Thửa đất số", 1.5),
        new(DocumentTypes.LandCertificate, "Tờ bản đồ số", 1.5),
        new(DocumentTypes.ApplicationForm, "Tờ khai", 3),
        new(DocumentTypes.ApplicationForm, "Đơn đề nghị", 2),
        new(DocumentTypes.ApplicationForm, "Giấy đề nghị", 2),
        new(DocumentTypes.ApplicationForm, "Phiếu yêu cầu", 2),
    ];
}
