using FluentAssertions;
using Intake.Dossiers.Classification;
using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Dossiers.Tests.Classification;

public class DocumentClassifierTests
{
    private const string QrPayload = "079090001234||Nguyễn Văn An|15011990|Nam|x|20042021";

    [Theory]
    [InlineData(DocumentTypes.Cccd2021Front, "CĂN CƯỚC CÔNG DÂN", "Citizen Identity Card", "Họ và tên / Full name:", "Quê quán / Place of origin:")]
    [InlineData(DocumentTypes.Cccd2021Front, "CAN CUOC CONG DAN", "Ho va ten", "Que quan", "Co gia tri den")]
    [InlineData(DocumentTypes.Cccd2021Back, "Đặc điểm nhân dạng / Personal identification", "Ngón trỏ trái", "Ngón trỏ phải")]
    [InlineData(DocumentTypes.Cccd2024Front, "CĂN CƯỚC", "IDENTITY CARD", "Số định danh cá nhân", "Họ, chữ đệm và tên khai sinh")]
    [InlineData(DocumentTypes.Cccd2024Back, "Nơi cư trú / Place of residence", "Nơi đăng ký khai sinh", "BỘ CÔNG AN")]
    public void Recognises_cards(string expected, params string[] lines)
    {
        var result = DocumentClassifier.Classify(FakeOcrPage.Card(lines));

        result.Type.Should().Be(expected);
        result.Confidence.Should().BeGreaterThan(0.6);
    }

    [Theory]
    [InlineData(DocumentTypes.BirthCertificate, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY KHAI SINH", "Họ, chữ đệm, tên: LÊ MINH KHOA")]
    [InlineData(DocumentTypes.BirthCertificate, "TRICH LUC KHAI SINH", "Ho, chu dem, ten")]
    [InlineData(DocumentTypes.MarriageCertificate, "GIẤY CHỨNG NHẬN KẾT HÔN")]
    [InlineData(DocumentTypes.ResidenceConfirmation, "Mẫu CT07", "XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ", "Số định danh cá nhân: 036085004321")]
    [InlineData(DocumentTypes.ResidenceConfirmation, "XAC NHAN THONG TIN VE CU TRU")]
    [InlineData(DocumentTypes.LandCertificate, "GIẤY CHỨNG NHẬN", "QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT", "Thửa đất số: 12")]
    [InlineData(DocumentTypes.ApplicationForm, "TỜ KHAI ĐĂNG KÝ KHAI SINH")]
    [InlineData(DocumentTypes.ApplicationForm, "TO KHAI DANG KY KET HON")]
    public void Recognises_pages(string expected, params string[] lines)
    {
        DocumentClassifier.Classify(FakeOcrPage.A4(lines)).Type.Should().Be(expected);
    }

    [Fact]
    public void Ocr_slips_in_a_title_are_tolerated()
    {
        DocumentClassifier.Classify(FakeOcrPage.A4("GIAY KHAl SINH")).Type.Should().Be(DocumentTypes.BirthCertificate);
    }

    [Fact]
    public void Qr_and_mrz_decide_the_side_of_a_card_without_words()
    {
        DocumentClassifier.Classify(FakeOcrPage.Card("..."), hasMrz: true).Type.Should().BeOneOf(DocumentTypes.Cccd2021Back, DocumentTypes.Cccd2024Back);
        DocumentClassifier.Classify(FakeOcrPage.Card("Nơi cư trú"), QrPayload, hasMrz: true).Type.Should().Be(DocumentTypes.Cccd2024Back);
        DocumentClassifier.Classify(FakeOcrPage.Card("CĂN CƯỚC CÔNG DÂN"), QrPayload).Type.Should().Be(DocumentTypes.Cccd2021Front);
    }

    [Fact]
    public void Unknown_text_is_other_and_keeps_its_text()
    {
        var result = DocumentClassifier.Classify(FakeOcrPage.A4("Hóa đơn tiền điện tháng 5", "Tổng cộng: 350.000 đ"));

        result.Type.Should().Be(DocumentTypes.Other);
        result.Text.Should().Contain("Hóa đơn tiền điện");
    }

    [Fact]
    public void Nothing_at_all_is_other()
    {
        DocumentClassifier.Classify(null).Type.Should().Be(DocumentTypes.Other);
    }
}
