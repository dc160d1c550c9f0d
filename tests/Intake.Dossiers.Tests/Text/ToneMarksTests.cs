using FluentAssertions;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Tests.Text;

/// <summary>A second reading is believed over the first only where it gives back marks the first lost, letter for letter.</summary>
public sealed class ToneMarksTests
{
    [Theory]
    [InlineData("HUỲNH QUYNH LY", "HUỲNH QUỲNH LY")] // the grave over Y lost in the card's reading
    [InlineData("NGUYEN VAN AN", "NGUYỄN VĂN AN")] // tone and breve together
    [InlineData("TRÂN", "TRẦN")] // the circumflex kept, the grave added
    [InlineData("TRƠN", "TRỜN")] // a tone added over a horn the first already had
    [InlineData("huỳnh quynh", "HUỲNH QUỲNH")] // case does not matter
    public void A_reading_with_the_same_letters_and_more_marks_adds_them(string poorer, string richer) =>
        ToneMarks.OnlyAdds(poorer, richer).Should().BeTrue();

    [Theory]
    [InlineData("TRẤN", "TRẦN")] // a mark read differently: neither is known to be the better
    [InlineData("ĐẶNG", "DẶNG")] // a mark lost, not added
    [InlineData("DANG", "ĐANG")] // Đ is a letter of its own, not D with a mark
    [InlineData("TRÔN", "TRƠN")] // circumflex against horn
    [InlineData("QUỲNH", "QUỲNH")] // the same: nothing added
    [InlineData("QUYNH", "QUỲNHY")] // a letter more
    [InlineData("QUYNH", "QUỲNG")] // another letter besides the mark
    public void Any_other_difference_is_not_an_addition(string poorer, string richer) =>
        ToneMarks.OnlyAdds(poorer, richer).Should().BeFalse();
}
