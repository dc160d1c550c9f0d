using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Tests.Fixtures.RealCard;
using Intake.Imaging;
using Xunit.Abstractions;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>
/// Issue 9's acceptance on the second, independent fixture family: cards laid out as real CCCDs and Căn cước are
/// printed (<see cref="RealCardSvg"/>: OCR-B MRZ at the ICAO size on a white band reaching the edge, small-module QR
/// with a one-module quiet zone, bold number after its label), captured on a flatbed and by a phone
/// (<see cref="RealCardScanFactory"/>). Core fields (idNumber, dateOfBirth, sex) exact on at least 99 % of scans, the
/// name (NFC, case-insensitive) on at least 97 % of those showing a front, and no value claimed with confidence 0.9
/// or more that is wrong. Set INTAKE_REALCARD_SEEDS=f3,p7 to look at a few scans again (f flatbed, p photo), and
/// INTAKE_REALCARD_DUMP=folder to keep the captures (JPEG, and PNG to look at).
/// </summary>
// Measured on main (2026-11-29): id, birth date and sex 40/40 (flatbed 28/28, photos 12/12), names 28/28, both cards
// found on 11/11 two-card pages, 0 confidently wrong. What it took: a photographed outline that foreshortening keeps
// from the ID-1 shape is tried as a card its MRZ or QR confirms (CardsOnThePage); an MRZ band whose check digits fail
// is read again at other scales, 200 dpi among them, keeping the look with the fewest failed check digits
// (MrzBandReader); the name of a card with no QR is read again, its line
// alone, and believed where it gives back lost tone marks (SecondLook, ToneMarks).
// Widened to 60 captures (36 flatbed, 24 photos, the same share; seeds from 1, none picked) once 152 captures (flatbed
// and photo seeds 1-76) read 152/152 core fields and 100/101 names, 0 confidently wrong: a slanted card with no code
// is confirmed by its printed English labels (CardOrienter), a slanted card no code confirmed is straightened and looked
// at once more (PageCleaner), and the number is read below a label the reading broke across lines (PrintedFieldExtractor).
public sealed class RealCardScanTests(SharedScanReader shared, ITestOutputHelper log) : IClassFixture<SharedScanReader>
{
    private const int FlatbedScans = 36;
    private const int PhotoScans = 24;

    [Fact]
    public void Sixty_real_layout_scans_and_photos_read_to_the_acceptance_rates()
    {
        var plan = Plan();
        var clock = Stopwatch.StartNew();
        var scans = new RealCardScan[plan.Count];
        Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            scans[i] = plan[i].Photo ? RealCardScanFactory.PhonePhoto(plan[i].Seed) : RealCardScanFactory.Flatbed(plan[i].Seed));
        log.WriteLine($"generated {scans.Length} captures in {clock.Elapsed.TotalSeconds:0.0} s");
        if (Environment.GetEnvironmentVariable("INTAKE_REALCARD_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            foreach (var scan in scans)
            {
                var name = Path.Combine(dump, $"{(scan.Photo ? 'p' : 'f')}{scan.Seed}");
                File.WriteAllBytes(name + ".jpg", scan.Jpeg);
                using var source = ImageSource.FromBytes(scan.Jpeg);
                using var decoded = source.Decode();
                File.WriteAllBytes(name + ".png", decoded.Encode(".png"));
            }
        }

        clock.Restart();
        var results = new ConcurrentDictionary<int, (PageRead Page, Dossier Dossier)>();
        Parallel.For(0, scans.Length, new ParallelOptions { MaxDegreeOfParallelism = shared.Workers }, i =>
        {
            using var source = ImageSource.FromBytes(scans[i].Jpeg);
            using var page = source.Decode();
            var read = shared.ReadPage(page, 0);
            var assembly = DossierAssembler.Assemble(
                new DossierCode("TEST", new DateOnly(2025, 1, 2), i + 1), "Kiểm thử", DateTimeOffset.UnixEpoch, null,
                [new DossierPage(0, page.Width, page.Height, page.DpiX > 0 ? page.DpiX : RealCardScanFactory.FlatbedDpi)], read.Pieces.Select(p => p.Piece).ToArray());
            results[i] = (read, assembly.Dossier);
        });
        log.WriteLine($"read {scans.Length} captures in {clock.Elapsed.TotalSeconds:0.0} s");

        var all = new Score();
        var flatbed = new Score();
        var photos = new Score();
        var confidentlyWrong = new List<string>();
        var (twoCardPages, bothFound) = (0, 0);
        for (var i = 0; i < scans.Length; i++)
        {
            var (scan, (page, dossier)) = (scans[i], results[i]);
            var h = scan.Holder;
            var a = dossier.Applicant;
            var id = a.IdNumber?.Value == h.IdNumber;
            var dob = a.DateOfBirth?.Value == Iso(h.DateOfBirth);
            var sex = a.Sex?.Value == h.Sex;
            var name = SameText(a.FullName?.Value, h.FullName);
            foreach (var score in new[] { all, scan.Photo ? photos : flatbed })
            {
                score.Add(id, dob, sex, scan.ShowsFront ? name : null);
            }

            if (scan.Faces.Count == 2)
            {
                twoCardPages++;
                bothFound += page.Pieces.Count >= 2 ? 1 : 0;
            }

            foreach (var (field, expected) in Expected(h))
            {
                var got = a.Get(field);
                if (got is not null && got.Confidence >= 0.9 && !SameText(got.Value, expected))
                {
                    confidentlyWrong.Add($"{scan.Describe()}: {field} = \"{got.Value}\" ({got.Confidence:0.00}, {got.Source}) but is \"{expected}\"");
                }
            }

            var ok = id && dob && sex && (name || !scan.ShowsFront);
            log.WriteLine($"{(ok ? "ok " : "BAD")} {scan.Describe()} [{page.Pieces.Count} piece(s): {string.Join(", ", page.Pieces.Select(p => p.Orientation))}]: " +
                $"id {a.IdNumber?.Value}/{a.IdNumber?.Source} dob {a.DateOfBirth?.Value}/{a.DateOfBirth?.Source} sex {a.Sex?.Value}/{a.Sex?.Source} " +
                $"name \"{a.FullName?.Value}\" ({a.FullName?.Source}) expected {h.IdNumber} {Iso(h.DateOfBirth)} {h.Sex} \"{h.FullName}\"");
            if (!ok)
            {
                foreach (var piece in page.Pieces)
                {
                    var text = piece.Piece.Text.Text.Replace('\n', '⏎');
                    log.WriteLine($"    piece MRZ [{string.Join(" / ", piece.Piece.MrzLines ?? [])}] text: {text[..Math.Min(text.Length, 400)]}");
                }
            }
        }

        var report = $"{scans.Length} captures: {all}; flatbed {flatbed}; photos {photos}; both cards found on {bothFound}/{twoCardPages} two-card pages; confidently wrong {confidentlyWrong.Count}";
        log.WriteLine(report);
        Console.WriteLine("RealCard: " + report);
        foreach (var wrong in confidentlyWrong)
        {
            log.WriteLine("confidently wrong: " + wrong);
        }

        all.IdRate.Should().BeGreaterThanOrEqualTo(0.99, report);
        all.DobRate.Should().BeGreaterThanOrEqualTo(0.99, report);
        all.SexRate.Should().BeGreaterThanOrEqualTo(0.99, report);
        all.NameRate.Should().BeGreaterThanOrEqualTo(0.97, report);
        confidentlyWrong.Should().BeEmpty(report);
    }

    /// <summary>36 flatbed pages and 24 photos, or the captures listed in INTAKE_REALCARD_SEEDS (f12, p3, ...).</summary>
    private static List<(bool Photo, int Seed)> Plan() =>
        Environment.GetEnvironmentVariable("INTAKE_REALCARD_SEEDS") is { Length: > 0 } list
            ? list.Split(',').Select(s => (s.Trim()[0] == 'p', int.Parse(s.Trim()[1..], CultureInfo.InvariantCulture))).ToList()
            : [.. Enumerable.Range(1, FlatbedScans).Select(s => (false, s)), .. Enumerable.Range(1, PhotoScans).Select(s => (true, s))];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The card prints names in capitals, the QR in mixed case: letters and every diacritic must match (NFC).</summary>
    private static bool SameText(string? read, string expected) =>
        read is not null && string.Equals(read.Normalize().ToUpperInvariant(), expected.Normalize().ToUpperInvariant(), StringComparison.Ordinal);

    private static IEnumerable<(string Field, string Expected)> Expected(FakeCardHolder h)
    {
        yield return (FieldNames.IdNumber, h.IdNumber);
        yield return (FieldNames.FullName, h.FullName);
        yield return (FieldNames.DateOfBirth, Iso(h.DateOfBirth));
        yield return (FieldNames.Sex, h.Sex);
        yield return (FieldNames.IssueDate, Iso(h.IssueDate));
        yield return (FieldNames.ExpiryDate, h.ExpiryDate is { } e ? Iso(e) : FieldNames.NoExpiry);
        yield return (FieldNames.PlaceOfResidence, h.PlaceOfResidence);
        yield return (FieldNames.PlaceOfOrigin, h.PlaceOfOrigin);
        yield return (FieldNames.Nationality, "Việt Nam");
        if (h.OldIdNumber.Length > 0)
        {
            yield return (FieldNames.OldIdNumber, h.OldIdNumber);
        }
    }

    /// <summary>Exact fields counted: the core fields per capture, the name per capture that shows a front.</summary>
    private sealed class Score
    {
        private int _captures, _id, _dob, _sex, _fronts, _names;

        public double IdRate => (double)_id / Math.Max(_captures, 1);

        public double DobRate => (double)_dob / Math.Max(_captures, 1);

        public double SexRate => (double)_sex / Math.Max(_captures, 1);

        public double NameRate => _fronts == 0 ? 1 : (double)_names / _fronts;

        public void Add(bool id, bool dob, bool sex, bool? name)
        {
            _captures++;
            _id += id ? 1 : 0;
            _dob += dob ? 1 : 0;
            _sex += sex ? 1 : 0;
            if (name is { } n)
            {
                _fronts++;
                _names += n ? 1 : 0;
            }
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"idNumber {Rate(_id, _captures)}, dateOfBirth {Rate(_dob, _captures)}, sex {Rate(_sex, _captures)}, fullName {Rate(_names, _fronts)} of fronts");

        private static string Rate(int ok, int total) => string.Create(CultureInfo.InvariantCulture, $"{ok}/{total} ({100.0 * ok / Math.Max(total, 1):0.#}%)");
    }
}
