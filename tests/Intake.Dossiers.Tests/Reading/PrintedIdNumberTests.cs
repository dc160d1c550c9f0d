using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers.Assembly;
using Intake.Imaging;
using Intake.TestSupport;
using Xunit.Abstractions;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>
/// The 12-digit number printed after "Số / No.:" is read from the print itself, not only from the QR code: every card
/// front of ../shared/corpus/cccd-samples (scans and photos) with its QR payload set aside gives the right number, read
/// first by the general model and again, digits only, where the domain asked for a second look.
/// </summary>
public sealed class PrintedIdNumberTests(SharedScanReader shared, ITestOutputHelper log) : IClassFixture<SharedScanReader>
{
    public static TheoryData<string> Fronts => new()
    {
        "c00.png", "c02.png", "c03.png", "c05.jpg", "c06.png", "c08.png", "photos/photo-front-1.jpg", "photos/photo-front-2.jpg",
    };

    [Theory]
    [MemberData(nameof(Fronts))]
    public void The_printed_number_is_read_without_the_qr_code(string file)
    {
        var path = Corpus.File(["cccd-samples", .. file.Split('/')]);
        using var truth = JsonDocument.Parse(File.ReadAllBytes(path[..path.LastIndexOf('.')] + ".truth.json"));
        using var source = ImageSource.Open(path);
        using var page = source.Decode();

        var read = shared.ReadPage(page, 0);
        var front = read.Pieces.Select(p => p.Piece).First(p => p.QrPayload is not null);
        var dossier = DossierAssembler.Assemble(new DossierCode("TEST", new DateOnly(2026, 1, 2), 1), "Kiểm thử", DateTimeOffset.UnixEpoch, null,
            [new DossierPage(0, page.Width, page.Height, 300)], [front with { QrPayload = null }]).Dossier;

        var id = dossier.Applicant.IdNumber;
        log.WriteLine($"{file}: {id?.Value} ({id?.Source}, {id?.Confidence:0.00}); second looks: {string.Join(", ", front.SecondLooks?.Select(a => a.Text) ?? [])}");
        id.Should().NotBeNull();
        id!.Value.Should().Be(truth.RootElement.GetProperty("idNumber").GetString());
        id.Source.Should().Be(FieldSource.Ocr);
    }
}
