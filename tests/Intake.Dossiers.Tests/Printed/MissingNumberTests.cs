using FluentAssertions;
using Intake.Dossiers.Printed;
using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Dossiers.Tests.Printed;

/// <summary>
/// A 2024 card prints its number bold on the line under "Số định danh cá nhân"; when the engine's layout analysis drops
/// that line whole, the number is asked for again in the zone under the label, down to the next line read.
/// </summary>
public sealed class MissingNumberTests
{
    [Fact]
    public void A_number_line_the_reading_dropped_is_looked_for_under_its_label()
    {
        // the empty line stands for the number the engine never saw: its row is left without words
        var page = FakeOcrPage.Card(
            "CĂN CƯỚC",
            "Số định danh cá nhân / Personal identification number:",
            "",
            "Họ, chữ đệm và tên khai sinh / Full name:",
            "MAI THU NGÀ");
        var label = page.Words.Where(w => w.Line == 1).Select(w => w.Box).ToArray();
        var next = page.Words.Where(w => w.Line == 3).Min(w => w.Box.Y);

        var request = SecondLook.Wanted(page).Should().ContainSingle(r => r.Field == FieldNames.IdNumber).Subject;

        request.Alphabet.Should().Be(SecondLook.Digits);
        request.Box.Y.Should().Be(label.Max(b => b.Bottom));
        request.Box.Bottom.Should().Be(next);
        request.Box.X.Should().Be(label.Min(b => b.X));
    }

    [Fact]
    public void No_zone_is_made_up_where_the_next_line_follows_the_label_closely()
    {
        var page = FakeOcrPage.Card(
            "Số định danh cá nhân / Personal identification number:",
            "Họ, chữ đệm và tên khai sinh / Full name:",
            "MAI THU NGÀ");

        SecondLook.Wanted(page).Should().NotContain(r => r.Field == FieldNames.IdNumber);
    }
}
