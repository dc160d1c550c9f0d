using FluentAssertions;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.Scanner.Replay;
using Intake.TestSupport;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>
/// Field cases `pdf-mediabox/` (OCRmyPDF#311), `pdf-password/` and `pdf-200-pages/` (OCRmyPDF#241), run through
/// `intake process`: a page is drawn as viewers show it (its crop box); a page that draws as nothing is an error, never a
/// 1 × 1 page; a password is named as such; 200 pages are accepted with per-page limits, progress, and blank pages flagged.
/// Refusals are one line (Vietnamese, then English) naming the file, exit code 2, and the other inputs still make the dossier.
/// </summary>
public sealed class PdfFieldCaseTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-pdf-cases-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_huge_media_box_is_drawn_as_its_crop_box_and_read()
    {
        var outDir = Path.Combine(_folder.FullName, "out");

        var (run, dossier) = await FieldCase.Process(outDir, FieldCase.File("pdf-mediabox", "huge-media-small-crop.pdf"));

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        var page = dossier!.Value.GetProperty("pages")[0];
        page.GetProperty("width").GetInt32().Should().BeInRange(2470, 2490, "A4 at 300 dpi: the crop box, not the 92-inch media box");
        page.GetProperty("height").GetInt32().Should().BeInRange(3500, 3515);
        var text = ExternalTool.Run("pdftotext", Path.Combine(outDir, "dossier.pdf"), "-");
        CharacterErrorRate.Of(text, FieldCase.Truth("pdf-mediabox")).Should().BeLessThan(0.25, "the page's text is read (the dossier's cover lines come on top)");
        text.Should().Contain("Lê Thị Ánh Tuyết");
    }

    [Fact]
    public async Task A_crop_box_away_from_the_origin_of_a_huge_media_box_is_drawn_and_a_page_that_draws_as_nothing_is_refused()
    {
        // an A5 page whose media box reaches 125 inches around it: drawn whole it would be 1.4 gigapixels at 300 dpi
        var cropped = Write("cropped.pdf", PdfFiles.Join([PdfFiles.Page(["PHIẾU ĐỀ NGHỊ TRẢ KẾT QUẢ QUA BƯU ĐIỆN", "Người nhận: Quách Thị Diễm My"], 148, 210)],
            d => PdfFiles.SetBoxes(d, new PdfRectangle(new XPoint(-4000, -4000), new XPoint(5000, 5000)), new PdfRectangle(new XPoint(0, 0), new XPoint(419.5, 595.3)))));
        // a crop box a fraction of a point wide: nothing to draw
        var nothing = Write("nothing.pdf", PdfFiles.Join([PdfFiles.Page(["Trang không có gì để vẽ"])],
            d => PdfFiles.SetBoxes(d, new PdfRectangle(new XPoint(0, 0), new XPoint(595, 842)), new PdfRectangle(new XPoint(100, 100), new XPoint(100.1, 100.1)))));
        var outDir = Path.Combine(_folder.FullName, "out");

        var (run, dossier) = await FieldCase.Process(outDir, nothing, cropped);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(nothing).And.Contain("cannot read the PDF").And.Contain("không đọc được PDF");
        var pages = dossier!.Value.GetProperty("pages");
        pages.GetArrayLength().Should().Be(1, "only the page that could be drawn is in the dossier");
        pages[0].GetProperty("width").GetInt32().Should().BeInRange(1740, 1760, "A5 at 300 dpi");
        ExternalTool.Run("pdftotext", Path.Combine(outDir, "dossier.pdf"), "-").Should().Contain("Quách Thị Diễm My");
    }

    [Fact]
    public async Task A_password_is_named_as_such_and_the_other_inputs_make_the_dossier()
    {
        var owner = Write("owner-only.pdf", PdfFiles.Join([PdfFiles.Page(["GIẤY ỦY QUYỀN", "Bên được ủy quyền: Tạ Minh Nhật"])],
            d => d.SecuritySettings.OwnerPassword = "chu-so-huu"));
        var user = Write("user.pdf", PdfFiles.Join([PdfFiles.Page(["Tài liệu mật"])], d =>
        {
            d.SecuritySettings.UserPassword = "mat-khau";
            d.SecuritySettings.OwnerPassword = "chu-so-huu";
        }));
        var field = FieldCase.File("pdf-password", "user-password.pdf");
        var outDir = Path.Combine(_folder.FullName, "out");

        var (run, dossier) = await FieldCase.Process(outDir, field, owner, user);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().HaveCount(2);
        foreach (var (line, file) in run.ErrorLines.Zip(new[] { field, user }))
        {
            line.Should().Contain(file).And.Contain("tệp PDF được bảo vệ bằng mật khẩu / this PDF is protected by a password");
            line.Should().NotContain("damaged");
        }

        dossier!.Value.GetProperty("pages").GetArrayLength().Should().Be(1, "a PDF with only an owner password opens and is read");
        ExternalTool.Run("pdftotext", Path.Combine(outDir, "dossier.pdf"), "-").Should().Contain("Tạ Minh Nhật");
    }

    [Fact]
    public async Task Two_hundred_pages_are_accepted_with_progress_and_every_blank_page_flagged()
    {
        var outDir = Path.Combine(_folder.FullName, "out");

        var (run, dossier) = await FieldCase.Process(outDir, FieldCase.File("pdf-200-pages", "empty-200.pdf"));

        log.WriteLine(run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        dossier!.Value.GetProperty("pages").GetArrayLength().Should().Be(200);
        FieldCase.FailedChecks(dossier.Value).Count(c => c.Name == "page.blank").Should().Be(200);
        run.Output.Should().Contain("Đã đọc / read 100/200 trang / pages").And.Contain("Đã đọc / read 200/200 trang / pages");
        ExternalTool.Run("pdfinfo", Path.Combine(outDir, "dossier.pdf")).Should().MatchRegex(@"Pages:\s+200");
    }

    [Fact]
    public async Task Blank_pages_among_text_pages_of_other_sizes_are_flagged_by_number()
    {
        int[] textPages = [2, 9, 17];
        var pages = Enumerable.Range(1, 24).Select(n => textPages.Contains(n)
            ? PdfFiles.Page([$"Trang {n}: biên bản kiểm tra hiện trạng nhà ở", "Chủ hộ: Lạc Văn Thông, tổ dân phố số 4"], 215.9, 279.4)
            : PdfFiles.Page([], n % 2 == 0 ? 148 : 210, n % 2 == 0 ? 210 : 297));
        var pdf = Write("mixed.pdf", PdfFiles.Join(pages));
        var outDir = Path.Combine(_folder.FullName, "out");

        var (run, dossier) = await FieldCase.Process(outDir, pdf);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        dossier!.Value.GetProperty("pages").GetArrayLength().Should().Be(24);
        FieldCase.FailedChecks(dossier.Value).Where(c => c.Name == "page.blank").Select(c => c.Message)
            .Should().HaveCount(21).And.NotContain(m => textPages.Any(n => m.StartsWith($"Trang {n} ", StringComparison.Ordinal)));
        run.Output.Should().Contain("read 10/24").And.Contain("read 20/24").And.Contain("read 24/24");
        ExternalTool.Run("pdftotext", Path.Combine(outDir, "dossier.pdf"), "-").Should().Contain("Lạc Văn Thông");
    }

    [Fact]
    public async Task The_time_limit_is_per_page_not_for_the_whole_file()
    {
        // at 72 dpi each page takes a few tens of milliseconds; 200 of them take far longer than the one second each gets
        using var rasterizer = new PdfRasterizer(timeout: TimeSpan.FromSeconds(1));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var pages = await rasterizer.RasterizeAsync(FieldCase.File("pdf-200-pages", "empty-200.pdf"), 72);

        log.WriteLine($"200 pages in {started.Elapsed.TotalSeconds:0.0} s");
        pages.Should().HaveCount(200);
        started.Elapsed.Should().BeGreaterThan(rasterizer.Timeout, "the whole file took longer than one page may");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
