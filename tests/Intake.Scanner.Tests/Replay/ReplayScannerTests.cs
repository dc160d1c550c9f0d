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
    public async Task A_pdf_is_not_replayed_yet_and_says_so()
    {
        var scanner = new ReplayScanner(Corpus.File("tess4j", "multipage-img.pdf"));

        var act = () => Collect(scanner.ScanAsync(new ScanRequest(PaperSource.Adf)));

        await act.Should().ThrowAsync<NotSupportedException>().WithMessage("Chưa hỗ trợ phát lại tệp PDF / *");
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
