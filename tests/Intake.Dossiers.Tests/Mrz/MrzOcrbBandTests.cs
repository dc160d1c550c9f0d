using System.Globalization;
using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures.RealCard;
using Intake.Imaging;
using Intake.Ocr.Zones;
using Intake.Pipeline.Cards;
using Xunit.Abstractions;

namespace Intake.Dossiers.Tests.Mrz;

/// <summary>
/// The class behind field case mrz-ocrb (issue 9): an MRZ printed in real OCR-B at the ICAO size (Debian fonts-ocr-b,
/// <see cref="RealCardSvg"/>) on a 2021 card back cut from a flatbed scan at about 300 dpi, which Tesseract reads with
/// errors that move with the sampling grid (a '&lt;' as K, "3" as "3S" or "S", "9" as "D"). Each back is drawn at its
/// own resolution (285-320 dpi), a residual turn of up to 0.4° (what is left after the card finder's cut), sensor
/// noise and JPEG. The band reader must give the ID number, birth date, sex and expiry with every check digit valid
/// (composite included), taking a second look at the band when the first reading fails a check, and never a wrong
/// value with its check digits holding. Measured 2026-11-29 (Tesseract 5.3.0 eng): before the scaled looks 43 of the
/// first 48 seeds had every check digit valid (5 flagged, none wrong), with them 48 of 48; seeds 1, 14 and 15 of the 16
/// run here are among those the first looks leave flagged.
/// </summary>
public sealed class MrzOcrbBandTests(ITestOutputHelper log)
{
    private const int Backs = 16;

    [Fact]
    public void Ocr_b_backs_read_at_scanning_resolution_give_their_fields_with_every_check_digit_valid()
    {
        using var zones = new ZoneReader(ZoneOptions.Mrz with { Workers = 2 });
        var reader = new MrzBandReader(zones);
        var outcomes = new string[Backs];
        var confirmedRight = 0;
        var secondLooks = 0;
        var wrongButConfirmed = new List<string>();
        Parallel.For(1, Backs + 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var holder = FakeCardHolder.Create(seed, generation2024: false);
            using var card = Back(holder, seed, out var conditions);
            var band = reader.Read(card);
            var mrz = band.Parsed.Value;
            // the name has no check digit (ICAO 9303 Part 5): a K it keeps is flagged by its own check, not judged here
            var confirmed = band.Found && mrz!.AllCheckDigitsValid && band.Parsed.Checks.All(c => c.Passed || c.Name == "mrz.name");
            var right = mrz is not null
                && mrz.PersonalIdNumber == holder.IdNumber
                && mrz.DateOfBirth == holder.DateOfBirth
                && mrz.Sex?.ToString() == holder.Sex
                && (holder.ExpiryDate is { } expiry ? mrz.ExpiryDate == expiry : mrz.NoExpiry);
            lock (outcomes)
            {
                outcomes[seed - 1] = $"seed {seed} ({conditions}): {band.How}, {(confirmed ? "check digits hold" : "flagged")}, {(right ? "right" : "not right")} | {string.Join(" / ", band.Lines)}{Failed(band)}";
                confirmedRight += confirmed && right ? 1 : 0;
                secondLooks += band.How == "as scanned" ? 0 : 1;
                if (confirmed && !right)
                {
                    wrongButConfirmed.Add(outcomes[seed - 1]);
                }
            }
        });

        foreach (var outcome in outcomes)
        {
            log.WriteLine(outcome);
        }

        log.WriteLine($"{confirmedRight}/{Backs} right with every check digit valid, {secondLooks} read by a second look");
        wrongButConfirmed.Should().BeEmpty("a reading whose check digits all hold must be right");
        confirmedRight.Should().Be(Backs);
    }

    private static string Failed(MrzBandReading band) =>
        string.Concat(band.Parsed.Checks.Where(c => !c.Passed).Select(c => $" | {c.Name}: {c.Message}"));

    /// <summary>The back of <paramref name="holder"/>'s card as the card finder cuts it from a flatbed scan: JPEG-decoded, landscape.</summary>
    private static Image Back(FakeCardHolder holder, int seed, out string conditions)
    {
        var random = new Random(unchecked((seed * 4_441) + 5));
        var dpi = 285 + random.Next(36);
        var degrees = (random.NextDouble() - 0.5) * 0.8;
        var sigma = 2 + (random.NextDouble() * 3);
        var quality = 70 + random.Next(23);
        var pxPerMm = dpi / 25.4;
        var canvas = new Canvas((int)Math.Ceiling(RealCardSvg.WidthMm * pxPerMm), (int)Math.Ceiling(RealCardSvg.HeightMm * pxPerMm));
        canvas.Fill(246, 246, 244);
        var face = CardBitmap.Render(RealCardSvg.Draw(holder, RealCardFace.Back2021, seed));
        canvas.Paint(face, Homography.Placement(RealCardSvg.WidthMm, RealCardSvg.HeightMm, pxPerMm, canvas.Width / 2.0, canvas.Height / 2.0, degrees));
        conditions = string.Create(CultureInfo.InvariantCulture, $"{dpi} dpi, {degrees:0.00}°, noise σ{sigma:0.0}, JPEG q{quality}");
        using var source = ImageSource.FromBytes(canvas.Jpeg(sigma, quality, dpi, seed));
        return source.Decode();
    }
}
