using FluentAssertions;
using Intake.Scanner.Replay;
using Intake.TestSupport;

namespace Intake.Scanner.Tests.Replay;

public sealed class PdfRasterizerTests
{
    private static readonly string Cardinal = Corpus.File("ocrmypdf", "cardinal.pdf");

    [Fact]
    public void The_pages_are_pngs_in_order_and_go_when_it_is_disposed()
    {
        IReadOnlyList<string> pages;
        using (var rasterizer = new PdfRasterizer())
        {
            pages = rasterizer.Rasterize(Cardinal, 18, lastPage: 3);

            pages.Should().HaveCount(3).And.OnlyContain(p => File.Exists(p) && p.EndsWith(".png", StringComparison.Ordinal));
            pages.Select(Path.GetFileName).Should().BeInAscendingOrder(StringComparer.Ordinal);
        }

        pages.Should().OnlyContain(p => !File.Exists(p) && !Directory.Exists(Path.GetDirectoryName(p)));
    }

    [Fact]
    public async Task Poppler_is_stopped_when_the_time_is_up()
    {
        using var rasterizer = new PdfRasterizer(timeout: TimeSpan.FromMilliseconds(1));

        var act = () => rasterizer.RasterizeAsync(Cardinal, 300);

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage("không đọc được PDF / cannot read the PDF '*cardinal.pdf': quá 0.001 s * / not rasterised within 0.001 s");
    }

    [Fact]
    public async Task A_page_too_large_at_the_dpi_is_refused_before_it_is_drawn()
    {
        using var rasterizer = new PdfRasterizer();

        var act = () => rasterizer.RasterizeAsync(Cardinal, 20_000);

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage("*/ page 1 at 20000 dpi would be * megapixels, more than 500");
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        using var rasterizer = new PdfRasterizer();

        var act = () => rasterizer.RasterizeAsync("/intake-no-such.pdf", 100);

        await act.Should().ThrowAsync<FileNotFoundException>().WithMessage("*'/intake-no-such.pdf'");
    }
}
