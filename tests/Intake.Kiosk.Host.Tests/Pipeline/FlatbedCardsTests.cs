using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Pipeline;

/// <summary>A flatbed scan with two ID-card-sized documents lying at different angles: each is cut out straight and read on its own.</summary>
public sealed class FlatbedCardsTests(SharedPipeline shared, ITestOutputHelper log) : IClassFixture<SharedPipeline>
{
    private const int Dpi = 300;

    [Fact]
    public async Task Two_cards_on_the_glass_become_two_straight_pieces_whose_text_is_read()
    {
        var reading = (await shared.Read([Flatbed]))[0];
        foreach (var piece in reading.Pieces)
            log.WriteLine($"{piece.Cleanup!.Document?.Region}: skew {piece.Cleanup.Skew?.Degrees:F2} turn {piece.Cleanup.Orientation?.Degrees}\n{piece.Text.Text}");
        reading.Pieces.Should().HaveCount(2);
        reading.Pieces.Should().OnlyContain(p => p.Cleanup!.Document != null && p.Cleanup.Document.Kind == DocumentKind.Card);
        reading.Pieces.Should().OnlyContain(p => p.Text.Width > p.Text.Height, "cards are cut out landscape");
        // Cut out and read: each card's number and name, compared without tone marks. Cards are read in colour with
        // the Vietnamese model, which reads names with their marks best on real and generated cards
        // (FlatbedIdScanTests: 20 of 21 exact; CccdSamplesTests: every front exact) but reads this plain card's NGUYỄN
        // as NGUYÊN; the binarised copy lost marks on 2 of 21 generated fronts and half the external card numbers.
        var texts = reading.Pieces.Select(p => Dossiers.Text.VietnameseText.Fold(p.Text.Text)).ToList();
        texts.Should().ContainSingle(t => t.Contains("079187004512") && t.Contains("NGUYEN THI THANH HUONG"));
        texts.Should().ContainSingle(t => t.Contains("001203015577") && t.Contains("TRAN MINH KHOA"));
    }

    private static Image Flatbed()
    {
        const int width = 2480, height = 3508;
        var canvas = new byte[width * height * 3];
        Array.Fill(canvas, (byte)246);
        Paste(canvas, width, Card("NGUYỄN THỊ THANH HƯƠNG", "079187004512", "14/03/1987", (232, 216, 196)), 7, 300, 400);
        Paste(canvas, width, Card("TRẦN MINH KHOA", "001203015577", "05/09/2003", (200, 225, 240)), -12, 900, 2000);
        return Image.FromPixels(canvas, width, height, 3, width * 3, Dpi, Dpi);
    }

    /// <summary>An ID-1 card (85.6 × 54 mm) with its text rendered at 300 dpi and tinted like a card's print background.</summary>
    private static Image Card(string name, string number, string born, (byte B, byte G, byte R) tint)
    {
        var (pdf, _) = VietnamesePage.Compose(
            ["CĂN CƯỚC CÔNG DÂN", $"Số: {number}", $"Họ và tên: {name}", $"Ngày sinh: {born}", "Quốc tịch: Việt Nam"],
            widthMm: 85.6, heightMm: 54, points: 9, marginMm: 5);
        using var rendered = VietnamesePage.Rasterise(pdf, Dpi);
        using var grey = rendered.ToGray(); // the decoder may hand back a grey PNG as three channels
        var (w, h) = (grey.Width, grey.Height);
        var bgr = grey.UsePixels(buffer =>
        {
            var pixels = new byte[w * h * 3];
            var row = new byte[w];
            for (var y = 0; y < h; y++)
            {
                System.Runtime.InteropServices.Marshal.Copy(buffer.Data + y * buffer.Stride, row, 0, w);
                for (var x = 0; x < w; x++)
                {
                    var i = 3 * (y * w + x);
                    pixels[i] = (byte)(row[x] * tint.B / 255);
                    pixels[i + 1] = (byte)(row[x] * tint.G / 255);
                    pixels[i + 2] = (byte)(row[x] * tint.R / 255);
                }
            }
            return pixels;
        });
        return Image.FromPixels(bgr, w, h, 3, w * 3, Dpi, Dpi);
    }

    // The darker pixel wins, so the white fill of the rotation leaves the lid as it was.
    private static void Paste(byte[] canvas, int canvasWidth, Image card, double degrees, int atX, int atY)
    {
        using (card)
        {
            using var turned = card.Rotate(degrees);
            var tw = turned.Width * 3;
            turned.UsePixels(buffer =>
            {
                var row = new byte[tw];
                for (var y = 0; y < turned.Height; y++)
                {
                    System.Runtime.InteropServices.Marshal.Copy(buffer.Data + y * buffer.Stride, row, 0, tw);
                    for (var x = 0; x < tw; x++)
                    {
                        var target = (atY + y) * canvasWidth * 3 + atX * 3 + x;
                        canvas[target] = Math.Min(canvas[target], row[x]);
                    }
                }
                return 0;
            });
        }
    }
}
