using Intake.Pages;
using FluentAssertions;
using Intake.Dossiers.Printed;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Ocr;

namespace Intake.Dossiers.Tests.Printed;

public class PrintedFieldExtractorTests
{
    private static readonly string[] Front2021 =
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CĂN CƯỚC CÔNG DÂN",
        "Citizen Identity Card",
        "Số / No.: 079090001234",
        "Họ và tên / Full name:",
        "NGUYỄN VĂN AN",
        "Ngày sinh / Date of birth: 15/01/1990",
        "Giới tính / Sex: Nam Quốc tịch / Nationality: Việt Nam",
        "Quê quán / Place of origin:",
        "Tân Thành, Kim Sơn, Ninh Bình",
        "Nơi thường trú / Place of residence: Phường 26,",
        "Quận Bình Thạnh, TP. Hồ Chí Minh",
        "Có giá trị đến: 15/01/2030 Date of expiry",
    ];

    [Fact]
    public void Reads_a_2021_front()
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.Card(Front2021), pageIndex: 2);

        reading.Generation.Should().Be(CardGeneration.Cccd2021);
        var fields = reading.Fields;
        fields[FieldNames.IdNumber].Value.Should().Be("079090001234");
        fields[FieldNames.FullName].Value.Should().Be("NGUYỄN VĂN AN");
        fields[FieldNames.DateOfBirth].Value.Should().Be("1990-01-15");
        fields[FieldNames.Sex].Value.Should().Be("M");
        fields[FieldNames.Nationality].Value.Should().Be("Việt Nam");
        fields[FieldNames.PlaceOfOrigin].Value.Should().Be("Tân Thành, Kim Sơn, Ninh Bình");
        fields[FieldNames.PlaceOfResidence].Value.Should().Be("Phường 26, Quận Bình Thạnh, TP. Hồ Chí Minh");
        fields[FieldNames.ExpiryDate].Value.Should().Be("2030-01-15");
        fields.Values.Should().OnlyContain(f => f.Source == FieldSource.Ocr && f.Page == 2 && f.Box != null);
        fields[FieldNames.FullName].Confidence.Should().BeApproximately(0.93, 0.001);
    }

    [Fact]
    public void Tolerates_lost_diacritics_and_ocr_slips_in_labels()
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.Card(
            "CAN CUOC CONG DAN",
            "So / No: O79O9OOO1234",
            "Ho va ten / Full narne:",
            "NGUYEN VAN AN",
            "Ngay sirh / Date of birth: 15/01/1990",
            "Gioi tinh / Sex: Nu",
            "Co gia tri den: Khong thoi han"));

        reading.Fields[FieldNames.IdNumber].Value.Should().Be("079090001234");
        reading.Fields[FieldNames.IdNumber].Confidence.Should().BeLessThan(0.93, "look-alike letters had to be read as digits");
        reading.Fields[FieldNames.FullName].Value.Should().Be("NGUYEN VAN AN");
        reading.Fields[FieldNames.DateOfBirth].Value.Should().Be("1990-01-15");
        reading.Fields[FieldNames.Sex].Value.Should().Be("F");
        reading.Fields[FieldNames.ExpiryDate].Value.Should().Be(FieldNames.NoExpiry);
    }

    [Fact]
    public void Reads_the_number_below_a_label_whose_English_half_the_reading_broke_across_lines()
    {
        // as read on a card photographed at a slant: the label's tail on a line of its own, the number on the next
        var front = PrintedFieldExtractor.Extract(FakeOcrPage.Card(
            "CĂN CƯỚC",
            "IDENTITY CARD",
            "Số định danh Cá nhân / Personal identif",
            "ication number;",
            "056091060862",
            "Họ, chữ đệm và tên khai sinh / Full name:",
            "TẠ QUỐC TRỌNG LỘC"));

        front.Fields[FieldNames.IdNumber].Value.Should().Be("056091060862");
        front.Fields[FieldNames.FullName].Value.Should().Be("TẠ QUỐC TRỌNG LỘC");
    }

    [Fact]
    public void Reads_a_2024_front_and_back()
    {
        var front = PrintedFieldExtractor.Extract(FakeOcrPage.Card(
            "CĂN CƯỚC",
            "IDENTITY CARD",
            "Số định danh cá nhân / Personal identification number: 001305000001",
            "Họ, chữ đệm và tên khai sinh / Full name:",
            "TRẦN THỊ THỦY",
            "Ngày, tháng, năm sinh / Date of birth: 02/03/2005",
            "Giới tính / Sex: Nữ Quốc tịch / Nationality: Việt Nam"));
        var back = PrintedFieldExtractor.Extract(FakeOcrPage.Card(
            "Nơi cư trú / Place of residence: Số 5 Lê Lợi, Phường Bến Nghé,",
            "TP. Hồ Chí Minh",
            "Nơi đăng ký khai sinh / Place of birth: Hà Nội",
            "Ngày, tháng, năm cấp / Date of issue: 01/07/2024",
            "Ngày, tháng, năm hết hạn / Date of expiry: 02/03/2030",
            "BỘ CÔNG AN"));

        front.Generation.Should().Be(CardGeneration.CanCuoc2024);
        front.Fields[FieldNames.IdNumber].Value.Should().Be("001305000001");
        front.Fields[FieldNames.FullName].Value.Should().Be("TRẦN THỊ THỦY");
        front.Fields[FieldNames.DateOfBirth].Value.Should().Be("2005-03-02");
        front.Fields[FieldNames.Sex].Value.Should().Be("F");
        back.Generation.Should().Be(CardGeneration.CanCuoc2024);
        back.Fields[FieldNames.PlaceOfResidence].Value.Should().Be("Số 5 Lê Lợi, Phường Bến Nghé, TP. Hồ Chí Minh");
        back.Fields[FieldNames.PlaceOfOrigin].Value.Should().Be("Hà Nội");
        back.Fields[FieldNames.IssueDate].Value.Should().Be("2024-07-01");
        back.Fields[FieldNames.ExpiryDate].Value.Should().Be("2030-03-02");
    }

    [Fact]
    public void Birth_certificate_gives_the_child_not_the_parents()
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.A4(
            "GIẤY KHAI SINH",
            "Họ, chữ đệm, tên: LÊ MINH KHOA",
            "Ngày, tháng, năm sinh: 05/09/2019 ghi bằng chữ: Ngày năm tháng chín năm hai nghìn không trăm mười chín",
            "Giới tính: Nam",
            "Số định danh cá nhân: 001219000123",
            "Họ, chữ đệm, tên người mẹ: NGUYỄN THỊ LAN",
            "Họ, chữ đệm, tên người cha: LÊ VĂN HÙNG"));

        reading.Fields[FieldNames.FullName].Value.Should().Be("LÊ MINH KHOA");
        reading.Fields[FieldNames.DateOfBirth].Value.Should().Be("2019-09-05");
        reading.Fields[FieldNames.IdNumber].Value.Should().Be("001219000123");
    }

    [Fact]
    public void Residence_confirmation_ct07_key_fields()
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.A4(
            "XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ",
            "1. Họ, chữ đệm và tên: PHẠM QUANG DŨNG",
            "2. Ngày, tháng, năm sinh: 12/12/1985 3. Giới tính: Nam",
            "4. Số định danh cá nhân: 036085004321",
            "5. Nơi thường trú: Số 9 Trần Hưng Đạo, Nam Định"));

        reading.Fields[FieldNames.FullName].Value.Should().Be("PHẠM QUANG DŨNG");
        reading.Fields[FieldNames.DateOfBirth].Value.Should().Be("1985-12-12");
        reading.Fields[FieldNames.Sex].Value.Should().Be("M");
        reading.Fields[FieldNames.IdNumber].Value.Should().Be("036085004321");
        reading.Fields[FieldNames.PlaceOfResidence].Value.Should().Be("Số 9 Trần Hưng Đạo, Nam Định");
    }

    [Fact]
    public void Ct07_address_stops_at_the_temporary_residence_line_but_may_wrap()
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.A4(
            "XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ",
            "Nơi thường trú: Số 9 Trần Hưng Đạo, Phường Cửa Bắc,",
            "Nam Định",
            "Nơi tạm trú: Không",
            "7. Nơi ở hiện tại: như nơi thường trú"));

        reading.Fields[FieldNames.PlaceOfResidence].Value.Should().Be("Số 9 Trần Hưng Đạo, Phường Cửa Bắc, Nam Định");
        reading.Fields.Should().ContainKey(FieldNames.PlaceOfResidence).And.HaveCount(1, "the boundary labels give no field of their own");

        var unwrapped = PrintedFieldExtractor.Extract(FakeOcrPage.A4("Nơi thường trú: Số 9 Trần Hưng Đạo, Nam Định", "Nơi tạm trú: Không"));
        unwrapped.Fields[FieldNames.PlaceOfResidence].Value.Should().Be("Số 9 Trần Hưng Đạo, Nam Định");
    }

    [Fact]
    public void Unreadable_values_are_failed_checks()
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.Card(
            "Số / No.: 07909",
            "Ngày sinh / Date of birth: 31/02/1990"));

        reading.Fields.Should().BeEmpty();
        reading.Checks.Should().Contain(c => c.Name == "ocr.idNumber" && !c.Passed);
        reading.Checks.Should().Contain(c => c.Name == "ocr.dateOfBirth" && !c.Passed && c.Message.Contains("31/02/1990", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_text_without_words_still_reads_with_the_page_confidence()
    {
        var page = new PageText("Số / No.: 079090001234", [], 0.7, 1011, 638, 300);

        PrintedFieldExtractor.Extract(page).Fields[FieldNames.IdNumber].Confidence.Should().Be(0.7);
    }

    [Fact]
    public void Empty_or_missing_page_does_not_throw()
    {
        PrintedFieldExtractor.Extract(null).Checks.Should().ContainSingle(c => !c.Passed);
        PrintedFieldExtractor.Extract(new PageText("", [], 0, 0, 0, 0)).Fields.Should().BeEmpty();
    }
    [Theory]
    [InlineData("Số 21 Lê Lợi, Phường Bến Thành,", "Quận 1, TP. Hồ Chí Minh")]
    [InlineData("So 243 Dien Bien Phu,", "Phuong 15, Quan Binh Thanh")]
    [InlineData("No 7 Hai Bà Trưng, Hoàn Kiếm", "Hà Nội")]
    public void A_house_number_opening_an_address_line_is_not_the_card_number(string first, string second)
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.Card("Nơi cư trú / Place of residence:", first, second));

        reading.Checks.Should().BeEmpty();
        reading.Fields.Should().NotContainKey(FieldNames.IdNumber);
        reading.Fields[FieldNames.PlaceOfResidence].Value.Should().Be($"{first} {second}".TrimEnd(','));
    }

    [Fact]
    public void The_card_number_after_a_one_word_label_is_still_read()
    {
        PrintedFieldExtractor.Extract(FakeOcrPage.Card("Số: O79O9OOO1234")).Fields[FieldNames.IdNumber].Value.Should().Be("079090001234");
        PrintedFieldExtractor.Extract(FakeOcrPage.Card("No.", "079090001234")).Fields[FieldNames.IdNumber].Value.Should().Be("079090001234");
    }

    [Theory]
    [InlineData("Họ, chữ đệm, tên người yêu cầu: Lê Thị Ánh Tuyết", "Lê Thị Ánh Tuyết")]
    [InlineData("Họ, chữ đệm, tên người đi khai: Trần Văn Nam", "Trần Văn Nam")]
    [InlineData("Họ và tên chủ hộ: NGUYỄN VĂN BÌNH", "NGUYỄN VĂN BÌNH")]
    [InlineData("Họ và tên / Fuii narne: PHẠM THỊ HOA", "PHẠM THỊ HOA")]
    public void A_value_never_contains_the_rest_of_its_label(string line, string expected)
    {
        PrintedFieldExtractor.Extract(FakeOcrPage.A4(line)).Fields[FieldNames.FullName].Value.Should().Be(expected);
    }

    [Fact]
    public void A_labelled_line_of_its_own_ends_the_address_above_it()
    {
        var reading = PrintedFieldExtractor.Extract(FakeOcrPage.A4(
            "Nơi cư trú: Số 47 đường Nguyễn Huệ, phường Bến Nghé, Quận 1",
            "Giấy tờ tùy thân: Căn cước công dân số 079195007788"));

        reading.Fields[FieldNames.PlaceOfResidence].Value.Should().Be("Số 47 đường Nguyễn Huệ, phường Bến Nghé, Quận 1");
    }
}
