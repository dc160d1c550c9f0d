using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Kiosk.Host.Tests.Cli;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>
/// Field case `tiff-preview-page/`: an IFD whose NewSubfileType marks a reduced-resolution image (a scanner's preview)
/// is not a page. The pages stay in order, each at its own size and orientation.
/// </summary>
public sealed class TiffPreviewTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-tiff-preview-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_preview_is_not_a_page_and_the_three_pages_keep_order_and_size()
    {
        var input = FieldCase.File("tiff-preview-page", "mixed.tif");

        var ocr = await CliRun.Of("ocr", input);

        ocr.ExitCode.Should().Be(0, ocr.Error);
        var pages = ocr.Output.Split('\f');
        pages.Should().HaveCount(3);
        pages[0].Should().Contain("Trang một");
        pages[1].Should().Contain("Trang hai");
        pages[2].Should().Contain("Trang ba");

        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "dossier"), input);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        dossier!.Value.GetProperty("pages").EnumerateArray()
            .Select(p => (p.GetProperty("width").GetInt32(), p.GetProperty("height").GetInt32()))
            .Should().Equal((2480, 3508), (3508, 2480), (1748, 2480));
    }

    [Fact]
    public async Task Previews_anywhere_in_the_chain_are_skipped_in_a_generated_tiff()
    {
        // a grey portrait page, its preview, an RGB landscape page, and a preview of that at the end of the chain
        using var portrait = Page(["Trang thứ nhất: đơn đề nghị cấp bản sao trích lục khai sinh", "Người đề nghị: Hà Thị Mỹ Duyên"], 210, 297);
        using var landscape = Page(["Trang thứ hai: danh sách thành viên hộ gia đình", "Chủ hộ: Lưu Quang Vinh"], 297, 210);
        var grey = FieldCase.GreyPixels(portrait);
        var rgb = FieldCase.GreyPixels(landscape).SelectMany(g => new[] { g, g, g }).ToArray();
        var tiff = Path.Combine(_folder.FullName, "scan.tif");
        File.WriteAllBytes(tiff, TiffWriter.Write(
        [
            new TiffImage(portrait.Width, portrait.Height, 1, grey, 200),
            Preview(grey, portrait.Width, portrait.Height),
            new TiffImage(landscape.Width, landscape.Height, 3, rgb, 200),
            Preview(FieldCase.GreyPixels(landscape), landscape.Width, landscape.Height),
        ]));

        using (var source = ImageSource.Open(tiff))
        {
            source.PageCount.Should().Be(2);
            source.Pages.Select(p => (p.Width, p.Height)).Should().Equal((portrait.Width, portrait.Height), (landscape.Width, landscape.Height));
        }

        var ocr = await CliRun.Of("ocr", tiff);

        ocr.ExitCode.Should().Be(0, ocr.Error);
        var pages = ocr.Output.Split('\f');
        log.WriteLine(ocr.Output);
        pages.Should().HaveCount(2);
        pages[0].Should().Contain("Trang thứ nhất");
        pages[1].Should().Contain("Trang thứ hai");
    }

    private static Image Page(string[] text, double widthMm, double heightMm) =>
        VietnamesePage.Rasterise(VietnamesePage.Compose(text, widthMm, heightMm, points: 14).Pdf, 200);

    /// <summary>A tenth-size copy marked NewSubfileType 1 (reduced-resolution image).</summary>
    private static TiffImage Preview(byte[] grey, int width, int height)
    {
        int w = width / 10, h = height / 10;
        var small = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                small[y * w + x] = grey[y * 10 * width + x * 10];
        return new TiffImage(w, h, 1, small, 20, NewSubfileType: 1);
    }
}
