using FluentAssertions;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Tests.Text;

public class VietnameseDateTests
{
    [Theory]
    [InlineData("15/01/1990")]
    [InlineData("15-1-1990")]
    [InlineData("15.01.1990")]
    [InlineData("1990-01-15")]
    [InlineData("Ngày sinh / Date of birth: 15/01/1990")]
    [InlineData("ngày 15 tháng 01 năm 1990")]
    [InlineData("Ngay 15 thang 1 nam 1990")]
    [InlineData("ngày mười lăm tháng một năm một nghìn chín trăm chín mươi")]
    [InlineData("NGAY MUOI LAM THANG GIENG NAM MOT NGHIN CHIN TRAM CHIN MUOI")]
    public void Reads_every_common_form(string text)
    {
        VietnameseDate.Parse(text).Value.Should().Be(new DateOnly(1990, 1, 15));
    }

    [Theory]
    [InlineData("ngày hai mươi mốt tháng năm năm hai nghìn không trăm linh năm", 2005, 5, 21)]
    [InlineData("ngày mồng năm tháng mười hai năm hai nghìn", 2000, 12, 5)]
    [InlineData("ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm", 1975, 4, 30)]
    public void Reads_dates_in_words(string text, int year, int month, int day)
    {
        VietnameseDate.Parse(text).Value.Should().Be(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("31/02/1990")]
    [InlineData("29/02/1900")]
    [InlineData("00/01/1990")]
    [InlineData("ngày ba mươi mốt tháng hai năm 1990")]
    public void Impossible_dates_are_a_failed_check(string text)
    {
        var result = VietnameseDate.Parse(text);

        result.Succeeded.Should().BeFalse();
        result.FailureReason.Should().StartWith("Ngày không tồn tại").And.Contain(" / No such date");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("không thời hạn")]
    [InlineData("ngày tháng năm")]
    [InlineData("99/99/99999")]
    public void Text_without_a_date_fails_without_throwing(string? text)
    {
        VietnameseDate.Parse(text).Succeeded.Should().BeFalse();
    }

    [Fact]
    public void Compact_qr_dates_are_exactly_eight_digits()
    {
        VietnameseDate.ParseCompact("15011990").Value.Should().Be(new DateOnly(1990, 1, 15));
        VietnameseDate.ParseCompact("1501199").Succeeded.Should().BeFalse();
        VietnameseDate.ParseCompact("31021990").Succeeded.Should().BeFalse();
    }
}
