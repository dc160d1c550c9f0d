using System.Globalization;
using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures.RealCard;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>The real-layout fixture family tells the truth: ICAO check digits, ID numbers by the Vietnamese rules, card size.</summary>
public sealed class RealCardFixtureTests
{
    [Fact]
    public void Check_digits_reproduce_the_ICAO_9303_TD1_specimen()
    {
        // ICAO 9303 part 5 specimen: I<UTOD231458907<<<<<<<<<<<<<<< / 7408122F1204159UTO<<<<<<<<<<<6
        FakeCardHolder.Check("D23145890").Should().Be('7');
        FakeCardHolder.Check("740812").Should().Be('2');
        FakeCardHolder.Check("120415").Should().Be('9');
        FakeCardHolder.Check("D231458907<<<<<<<<<<<<<<<" + "7408122" + "1204159" + "<<<<<<<<<<<").Should().Be('6');
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Holders_follow_the_ID_number_rules_and_carry_a_valid_MRZ(bool generation2024)
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var h = FakeCardHolder.Create(seed, generation2024);
            h.IdNumber.Should().MatchRegex("^0[0-9]{11}$");
            // G: 0/1 for the 1900s, 2/3 for the 2000s, even for men (Circular 07/2016/TT-BCA)
            (h.IdNumber[3] - '0').Should().Be(((h.DateOfBirth.Year / 100) - 19) * 2 + (h.Male ? 0 : 1), h.IdNumber);
            h.IdNumber.Substring(4, 2).Should().Be((h.DateOfBirth.Year % 100).ToString("D2", CultureInfo.InvariantCulture));
            h.IssueDate.Should().BeOnOrAfter(h.DateOfBirth.AddYears(14));

            var mrz = h.Mrz();
            mrz.Should().AllSatisfy(line => line.Should().HaveLength(30).And.MatchRegex("^[A-Z0-9<]{30}$"));
            mrz[0][5..14].Should().Be(h.IdNumber[3..]);
            mrz[0][14].Should().Be(FakeCardHolder.Check(h.IdNumber[3..]));
            mrz[0][15..27].Should().Be(h.IdNumber);
            mrz[0][29].Should().Be(FakeCardHolder.Check(h.IdNumber));
            mrz[1][6].Should().Be(FakeCardHolder.Check(mrz[1][..6]));
            mrz[1][14].Should().Be(FakeCardHolder.Check(mrz[1][8..14]));
            mrz[1][29].Should().Be(FakeCardHolder.Check(mrz[0][5..] + mrz[1][..7] + mrz[1][8..15] + mrz[1][18..29]));
            h.QrPayload().Split('|').Should().HaveCount(7);
        }
    }

    [Fact]
    public void A_card_face_renders_at_the_ID_1_size()
    {
        var card = CardBitmap.Render(RealCardSvg.Draw(FakeCardHolder.Create(3, false), RealCardFace.Back2021, 1));

        card.Width.Should().BeCloseTo((int)Math.Round(RealCardSvg.WidthMm / 25.4 * CardBitmap.Dpi), 1);
        card.Height.Should().BeCloseTo((int)Math.Round(RealCardSvg.HeightMm / 25.4 * CardBitmap.Dpi), 1);
    }
}
