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
    private static readonly string[] BirthRegistrationForm =
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI ĐĂNG KÝ KHAI SINH",
        "Họ, chữ đệm, tên người yêu cầu: Lê Thị Ánh Tuyết", "Giấy tờ tùy thân: Căn cước công dân số 079195007788",
        "Họ, chữ đệm, tên: Đặng Quốc Bảo", "Quê quán: Xã Phước Hiệp, Huyện Củ Chi", "Có giá trị đến: 12/08/2030",
    ];

    [Fact]
    public void A_form_with_card_words_stays_a_form()
    {
        var result = DocumentClassifier.Classify(FakeOcrPage.A4(BirthRegistrationForm));

        result.Type.Should().Be(DocumentTypes.ApplicationForm);
        result.Evidence.Should().Contain("card words on a page that does not look like a card");
    }

    [Fact]
    public void Card_words_on_a_page_without_a_card_title_are_no_card()
    {
        // a photocopy note, a letter quoting a card: Vietnamese card words only, no card shape, code or bilingual labels
        var result = DocumentClassifier.Classify(FakeOcrPage.A4("Bản sao Căn cước công dân", "Quê quán: Nam Định", "Có giá trị đến: 01/01/2030"));

        DocumentTypes.IsCccd(result.Type).Should().BeFalse(result.Type);
    }

    [Fact]
    public void A_page_looks_like_a_card_by_its_cut_its_codes_or_its_bilingual_labels()
    {
        string[] front = ["CĂN CƯỚC CÔNG DÂN", "Họ và tên:", "Quê quán:", "Có giá trị đến:"];
        DocumentClassifier.Classify(FakeOcrPage.A4(front), cutAsCard: true).Type.Should().Be(DocumentTypes.Cccd2021Front);
        DocumentClassifier.Classify(FakeOcrPage.A4(front), QrPayload).Type.Should().Be(DocumentTypes.Cccd2021Front);
        DocumentClassifier.Classify(FakeOcrPage.A4([.. front, "Full name", "Place of origin"])).Type.Should().Be(DocumentTypes.Cccd2021Front);
        DocumentTypes.IsCccd(DocumentClassifier.Classify(FakeOcrPage.A4(front)).Type).Should().BeFalse();
    }

    [Fact]
    public void A_card_back_read_as_a_whole_page_is_a_card_by_the_mrz_in_its_text()
    {
        // an upside-down back on the glass whose outline the finder missed: read as a page, its MRZ among its lines
        var page = FakeOcrPage.A4(
            "Đặc điểm nhân dạng / Personal identification:", "Nốt ruồi C: 2cm dưới sau mép trái", "CỤC TRƯỞNG CỤC CẢNH SÁT",
            "IDVNM3008285202056300828520<<3", "0003067F2503066VNM<<<<<<<<<+<8", "LY<<MAI<HA<<<<<<<<<<<<<<<<<<<<");

        DocumentClassifier.Classify(page).Type.Should().Be(DocumentTypes.Cccd2021Back);
    }
}
