using FluentAssertions;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Printed;
using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Dossiers.Tests.Printed;

/// <summary>
/// A card front with no QR code (a 2024 Căn cước) has its name read again, its line alone in Vietnamese capitals, and
/// that reading is believed only where it gives back tone marks the card's reading lost.
/// </summary>
public sealed class NameSecondLookTests
{
    private static string[] Front2024(string name) =>
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CĂN CƯỚC",
        "IDENTITY CARD",
        "Số định danh cá nhân / Personal identification number:",
        "051141052872",
        "Họ, chữ đệm và tên khai sinh / Full name:",
        name,
        "Ngày, tháng, năm sinh / Date of birth: 03/01/1941",
        "Giới tính / Sex: Nữ Quốc tịch / Nationality: Việt Nam",
    ];

    [Fact]
    public void The_name_line_is_asked_for_with_room_above_for_its_marks_unless_a_code_gave_the_name()
    {
        var page = FakeOcrPage.Card(Front2024("HUỲNH QUYNH LY"));
        var nameLine = page.Words.Where(w => w.Text is "HUỲNH" or "QUYNH" or "LY").Select(w => w.Box).ToArray();

        var request = SecondLook.Wanted(page).Should().ContainSingle(r => r.Field == FieldNames.FullName).Subject;

        request.Alphabet.Should().Be(SecondLook.NameCapitals);
        request.Box.Y.Should().BeLessThan(nameLine.Min(b => b.Y), "a lost mark stands above the capitals' boxes");
        request.Box.Bottom.Should().BeGreaterThanOrEqualTo(nameLine.Max(b => b.Bottom));
        request.Box.X.Should().BeLessThanOrEqualTo(nameLine.Min(b => b.X));
        request.Box.Right.Should().BeGreaterThanOrEqualTo(nameLine.Max(b => b.Right));
        SecondLook.Wanted(page, nameFromCode: true).Should().NotContain(r => r.Field == FieldNames.FullName);
    }

    [Theory]
    [InlineData("HUỲNH QUYNH LY", "HUỲNH QUỲNH LY", "HUỲNH QUỲNH LY")] // a lost grave given back
    [InlineData("HUỲNH QUỲNH LY", "HUỲNH QUYNH LY", "HUỲNH QUỲNH LY")] // the line alone lost it: the card's reading stays
    [InlineData("TRẤN THỊ LY", "TRẦN THỊ LY", "TRẤN THỊ LY")] // a mark read differently: no reason to prefer either
    [InlineData("HUỲNH QUYNH LY", "HUỲNH QUỲNH LÝ TH", "HUỲNH QUYNH LY")] // other letters: the line read badly
    public void The_second_reading_only_adds_marks(string onCard, string alone, string expected)
    {
        var piece = new RecognisedPiece(0, null, IsCard: true, FakeOcrPage.Card(Front2024(onCard)),
            SecondLooks: [new ZoneAnswer(FieldNames.FullName, alone, 0.96)]);

        var name = DossierAssembler.Assemble(new DossierCode("TEST", new DateOnly(2026, 1, 2), 1), "Kiểm thử", DateTimeOffset.UnixEpoch, null,
            [new DossierPage(0, 1011, 638, 300)], [piece]).Dossier.Applicant.FullName;

        name.Should().NotBeNull();
        name!.Value.Should().Be(expected);
        if (expected != onCard)
        {
            name.Confidence.Should().BeLessThan(0.9, "a name the card's reading did not give is never exact");
        }
    }
}
