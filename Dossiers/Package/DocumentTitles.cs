namespace Intake.Dossiers.Package;

/// <summary>The Vietnamese name of each document type, for PDF titles and file listings (Vietnamese first).</summary>
public static class DocumentTitles
{
    public static string Of(string documentType) => documentType switch
    {
        DocumentTypes.Cccd2021Front => "Căn cước công dân (mẫu 2021) - mặt trước / Citizen ID 2021, front",
        DocumentTypes.Cccd2021Back => "Căn cước công dân (mẫu 2021) - mặt sau / Citizen ID 2021, back",
        DocumentTypes.Cccd2024Front => "Căn cước (mẫu 2024) - mặt trước / Identity card 2024, front",
        DocumentTypes.Cccd2024Back => "Căn cước (mẫu 2024) - mặt sau / Identity card 2024, back",
        DocumentTypes.BirthCertificate => "Giấy khai sinh / Birth certificate",
        DocumentTypes.MarriageCertificate => "Giấy chứng nhận kết hôn / Marriage certificate",
        DocumentTypes.ResidenceConfirmation => "Xác nhận thông tin về cư trú (CT07) / Residence confirmation",
        DocumentTypes.LandCertificate => "Giấy chứng nhận quyền sử dụng đất / Land-use right certificate",
        DocumentTypes.ApplicationForm => "Tờ khai / Application form",
        _ => "Tài liệu khác / Other document",
    };
}
