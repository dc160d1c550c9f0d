using FluentAssertions;
using Intake.Imaging;
using Intake.Scanner.Replay;
using Intake.TestSupport;

namespace Intake.Scanner.Tests.Replay;

public sealed class ReplayScannerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intake-replay-{Guid.NewGuid():N}");

    public ReplayScannerTests()
    {
        Directory.CreateDirectory(_folder);
        // Widths tell the pages apart; names are out of creation order on purpose.
        WritePage("page-02.png", 120, 200);
        WritePage("page-01.png", 110, 200);
        WritePage("page-10.png", 130, 200);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a page");
    }

    [Fact]
    public async Task A_folder_plays_back_like_a_feeder_in_name_order()
    {
        var scanner = new ReplayScanner(_folder);

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf)));

        pages.Select(p => p.Image.Width).Should().Equal(110, 120, 130);
        pages.Select(p => p.Number).Should().Equal(1, 2, 3);
        pages[0].Source.Should().Be("replay:page-01.png#1");
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_flatbed_request_gives_the_first_page_only()
    {
        var pages = await Collect(new ReplayScanner(_folder).ScanAsync(new ScanRequest(PaperSource.Flatbed)));

        pages.Should().ContainSingle().Which.Image.Width.Should().Be(110);
        pages[0].Dispose();
    }

    [Fact]
    public async Task A_multi_page_tiff_gives_one_page_per_frame()
    {
        var scanner = new ReplayScanner(Corpus.File("vietocr", "vietsample.tif"));

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Duplex)));

        pages.Should().HaveCount(2);
        pages.Select(p => p.Source).Should().Equal("replay:vietsample.tif#1", "replay:vietsample.tif#2");
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task Grey_mode_and_area_are_applied_using_the_file_dpi()
    {
        var scanner = new ReplayScanner(_folder);

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf, Mode: ColorMode.Gray, Area: new ScanArea(0, 0, 25.4, 12.7), MaxPages: 2)));

        pages.Should().HaveCount(2);
        pages.Should().OnlyContain(p => p.Image.Channels == 1 && p.Image.Width == 100 && p.Image.Height == 50 && Math.Abs(p.Image.DpiX - 100) < 0.01);
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_page_without_dpi_gets_the_requested_dpi()
    {
        using (var bare = Image.FromPixels(new byte[40 * 30], 40, 30, 1, 40, 0, 0))
            File.WriteAllBytes(Path.Combine(_folder, "page-00.bmp"), bare.Encode(".bmp"));

        var pages = await Collect(new ReplayScanner(_folder).ScanAsync(new ScanRequest(Dpi: 200)));

        using var page = pages.Single();
        page.Image.Width.Should().Be(40);
        page.Image.DpiX.Should().BeApproximately(200, 1);
    }

    [Fact]
    public async Task Cancelling_stops_between_pages()
    {
        using var cts = new CancellationTokenSource();
        var scanner = new ReplayScanner(_folder, pageDelay: TimeSpan.FromSeconds(5));
        var received = new List<ScannedPage>();

        var act = async () =>
        {
            cts.CancelAfter(200);
            await foreach (var page in scanner.ScanAsync(new ScanRequest(PaperSource.Adf), cts.Token)) received.Add(page);
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_pdf_plays_back_page_by_page_in_order_at_the_requested_dpi()
    {
        // cardinal.pdf: four US-letter pages, portrait and landscape in turn
        var scanner = new ReplayScanner(Corpus.File("ocrmypdf", "cardinal.pdf"));

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf, Dpi: 36)));

        pages.Select(p => (p.Image.Width, p.Image.Height)).Should().Equal((306, 396), (396, 306), (306, 396), (396, 306));
        pages.Select(p => p.Number).Should().Equal(1, 2, 3, 4);
        pages.Select(p => p.Source).Should().Equal("replay:cardinal.pdf#1", "replay:cardinal.pdf#2", "replay:cardinal.pdf#3", "replay:cardinal.pdf#4");
        pages.Should().OnlyContain(p => p.Image.DpiX == 36 && p.Image.DpiY == 36);
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_pdf_page_takes_grey_mode_and_area_like_an_image()
    {
        var scanner = new ReplayScanner(Corpus.File("ocrmypdf", "cardinal.pdf"));

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Flatbed, Dpi: 36, Mode: ColorMode.Gray, Area: new ScanArea(0, 0, 50.8, 25.4))));

        using var page = pages.Should().ContainSingle().Subject;
        page.Image.Channels.Should().Be(1);
        (page.Image.Width, page.Image.Height).Should().Be((72, 36));
    }

    [Fact]
    public async Task A_pdf_replay_stops_at_max_pages()
    {
        var scanner = new ReplayScanner(Corpus.File("ocrmypdf", "cardinal.pdf"));

        var pages = await Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf, Dpi: 36, MaxPages: 2)));

        pages.Select(p => p.Source).Should().Equal("replay:cardinal.pdf#1", "replay:cardinal.pdf#2");
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_pdf_with_more_pages_than_allowed_is_refused_in_both_languages()
    {
        var scanner = new ReplayScanner(Corpus.File("ocrmypdf", "cardinal.pdf"), maxPdfPages: 3);

        var act = () => Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf, Dpi: 36)));

        await act.Should().ThrowAsync<InvalidDataException>()
            .WithMessage("không đọc được PDF / cannot read the PDF '*cardinal.pdf': có 4 trang, nhận tối đa 3 / it has 4 pages, at most 3 are accepted");
    }

    [Fact]
    public async Task A_file_named_pdf_that_is_not_one_is_a_clear_error_naming_it()
    {
        var fake = Path.Combine(_folder, "scan.pdf");
        File.WriteAllText(fake, "this is not a PDF at all");
        var scanner = new ReplayScanner(fake);

        var act = () => Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf)));

        await act.Should().ThrowAsync<InvalidDataException>()
            .WithMessage($"không đọc được PDF / cannot read the PDF '{fake}': không phải tệp PDF / not a PDF file");
    }

    [Fact]
    public async Task A_truncated_pdf_is_a_clear_error_naming_it()
    {
        var truncated = Path.Combine(_folder, "cut.pdf");
        File.WriteAllBytes(truncated, File.ReadAllBytes(Corpus.File("ocrmypdf", "cardinal.pdf"))[..300]);
        var scanner = new ReplayScanner(truncated);

        var act = () => Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf)));

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage($"không đọc được PDF / cannot read the PDF '{truncated}': *");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WritePage(string name, int width, int height)
    {
        var bgr = new byte[width * height * 3];
        Array.Fill(bgr, (byte)200);
        using var image = Image.FromPixels(bgr, width, height, 3, width * 3, 100, 100);
        File.WriteAllBytes(Path.Combine(_folder, name), image.Encode(".png"));
    }

    private static async Task<List<ScannedPage>> Collect(IAsyncEnumerable<ScannedPage> pages)
    {
        var list = new List<ScannedPage>();
        await foreach (var page in pages) list.Add(page);
        return list;
    }
}
