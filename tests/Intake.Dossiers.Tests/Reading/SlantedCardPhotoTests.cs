using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures.RealCard;
using Intake.Imaging;
using Intake.Pages;
using Intake.Pipeline.Cards;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>
/// A phone held well off the card's normal foreshortens it: the outline a photo shows is then far from the ID-1
/// proportions (1.37 instead of 1.586 here), as a sheet of paper seen at an angle can be near them. Such an outline is
/// tried as a card, warped back to the ID-1 shape, and kept only when its MRZ, QR code or printed card labels (a 2024
/// front has no code) confirm it; a sheet of paper with none of them is read whole.
/// </summary>
public sealed class SlantedCardPhotoTests(SharedScanReader shared) : IClassFixture<SharedScanReader>
{
    private const int Width = 2000, Height = 1500;

    [Fact]
    public void A_card_back_photographed_at_a_slant_is_cut_to_the_ID_1_shape_and_read_from_its_MRZ()
    {
        var holder = FakeCardHolder.Create(10, generation2024: false);
        var card = CardBitmap.Render(RealCardSvg.Draw(holder, RealCardFace.Back2021, 7));
        // 1420 px across, its 895 px height seen as 1036 px: the long side looks 1.16 times too short, the far edge narrower
        (double X, double Y)[] seen = [(330, 250), (1640, 320), (1590, 1300), (260, 1230)];
        var jpeg = Photo(canvas => canvas.Paint(card, Homography.FromCorners(CardCorners, seen)));
        using var source = ImageSource.FromBytes(jpeg);
        using var page = source.Decode();

        var found = CardsOnThePage.Find(page);
        try
        {
            found.Should().ContainSingle().Which.ByOutline.Should().BeFalse("only its MRZ can confirm a card this far from the ID-1 shape");
            var cut = found[0].Image;
            ((double)cut.Width / cut.Height).Should().BeApproximately(Id1Card.Aspect, 0.02);
        }
        finally
        {
            foreach (var cut in found) cut.Image.Dispose();
        }

        var read = shared.ReadPage(page, 0);
        var piece = read.Pieces.Should().ContainSingle().Subject.Piece;
        piece.IsCard.Should().BeTrue();
        var mrz = Intake.Dossiers.Mrz.MrzParser.Parse(piece.MrzLines!);
        mrz.Value!.PersonalIdNumber.Should().Be(holder.IdNumber, string.Join(" / ", piece.MrzLines!));
        mrz.Value.DateOfBirth.Should().Be(holder.DateOfBirth, string.Join(" / ", piece.MrzLines!));
    }

    [Fact]
    public void A_2024_front_photographed_at_a_slant_has_no_code_and_is_confirmed_by_its_printed_labels()
    {
        var holder = FakeCardHolder.Create(18, generation2024: true);
        var card = CardBitmap.Render(RealCardSvg.Draw(holder, RealCardFace.Front2024, 7));
        // the same slant as the back's: the outline's proportions are those of no card seen square
        (double X, double Y)[] seen = [(330, 250), (1640, 320), (1590, 1300), (260, 1230)];
        var jpeg = Photo(canvas => canvas.Paint(card, Homography.FromCorners(CardCorners, seen)));
        using var source = ImageSource.FromBytes(jpeg);
        using var page = source.Decode();

        var read = shared.ReadPage(page, 0);

        var piece = read.Pieces.Should().ContainSingle().Subject;
        piece.Piece.IsCard.Should().BeTrue(piece.Piece.Text.Text);
        piece.Orientation.Should().Contain("labels");
        piece.Piece.Text.Text.Should().Contain(holder.IdNumber);
    }

    [Fact]
    public void A_sheet_of_paper_photographed_at_a_slant_with_no_code_is_read_whole()
    {
        // A4 landscape (1.414) seen a little foreshortened: within the slant a card may show, but no code confirms it
        (double X, double Y)[] sheet = [(300, 260), (1700, 300), (1680, 1280), (280, 1250)];
        var toPage = Homography.FromCorners([(0, 0), (297, 0), (297, 210), (0, 210)], sheet);
        var toSheet = toPage.Inverse();
        var jpeg = Photo(canvas => canvas.Fill((x, y) =>
        {
            var (u, v) = toSheet.Map(x, y);
            if (u is < 0 or > 297 || v is < 0 or > 210)
            {
                return (125, 88, 56);
            }

            // lines of dark "print" 3 mm high every 9 mm, inside 20 mm margins
            var print = u is > 20 and < 277 && v is > 20 and < 190 && v % 9 < 3 && (int)(u / 4) % 7 != 0;
            return print ? (40, 40, 40) : (238, 236, 230);
        }));
        using var source = ImageSource.FromBytes(jpeg);
        using var page = source.Decode();

        var read = shared.ReadPage(page, 0);

        read.Pieces.Should().ContainSingle().Which.Piece.IsCard.Should().BeFalse();
    }

    [Fact]
    public void A_form_slip_photographed_at_a_slant_with_a_card_holders_labels_in_Vietnamese_only_is_read_whole()
    {
        // A form asks for what a card shows, under the same Vietnamese labels, but prints no English half: not a card.
        string[] lines =
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
            "Họ, chữ đệm và tên: NGUYỄN VĂN AN",
            "Ngày, tháng, năm sinh: 15/01/1990",
            "Số định danh cá nhân: 001090012345",
            "Nơi cư trú: Số 5 Lê Lợi, Hà Nội",
            "Giới tính: Nam   Quốc tịch: Việt Nam",
        ];
        var svg = new System.Text.StringBuilder(System.FormattableString.Invariant(
            $"<svg xmlns='http://www.w3.org/2000/svg' width='{RealCardSvg.WidthMm}mm' height='{RealCardSvg.HeightMm}mm' viewBox='0 0 {RealCardSvg.WidthMm} {RealCardSvg.HeightMm}'>"));
        svg.Append("<rect width='100%' height='100%' fill='#f4f2ec'/>");
        for (var i = 0; i < lines.Length; i++)
        {
            svg.Append(System.FormattableString.Invariant($"<text x='5' y='{8 + (i * 6.5)}' font-family='DejaVu Sans' font-size='2.6'>{lines[i]}</text>"));
        }

        var slip = CardBitmap.Render(svg.Append("</svg>").ToString());
        (double X, double Y)[] seen = [(330, 250), (1640, 320), (1590, 1300), (260, 1230)];
        var jpeg = Photo(canvas => canvas.Paint(slip, Homography.FromCorners(CardCorners, seen)));
        using var source = ImageSource.FromBytes(jpeg);
        using var page = source.Decode();
        var found = CardsOnThePage.Find(page);
        try
        {
            found.Should().ContainSingle("its outline is tried as a slanted card").Which.ByOutline.Should().BeFalse();
        }
        finally
        {
            foreach (var cut in found) cut.Image.Dispose();
        }

        var read = shared.ReadPage(page, 0);

        read.Pieces.Should().ContainSingle().Which.Piece.IsCard.Should().BeFalse();
        read.Pieces[0].Piece.Text.Text.Should().Contain("Ngày, tháng, năm sinh", "the slip is read, whole");
    }

    private static readonly (double X, double Y)[] CardCorners =
        [(0, 0), (RealCardSvg.WidthMm, 0), (RealCardSvg.WidthMm, RealCardSvg.HeightMm), (0, RealCardSvg.HeightMm)];

    /// <summary>A phone photo: a wooden table, what <paramref name="place"/> lays on it, soft light, noise, JPEG at 72 dpi.</summary>
    private static byte[] Photo(Action<Canvas> place)
    {
        var canvas = new Canvas(Width, Height);
        canvas.Fill((x, y) =>
        {
            var streak = 0.09 * Math.Sin((y + (30 * Math.Sin(x / 210.0))) / 5.5);
            return ((int)(125 * (1 + streak)), (int)(88 * (1 + streak)), (int)(56 * (1 + streak)));
        });
        place(canvas);
        canvas.Light((x, y) => 0.8 + (0.25 * x / Width), [0.97, 1, 1.02]);
        canvas.Soften(0.5);
        return canvas.Jpeg(3.5, 80, 72, seed: 1);
    }
}
