using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Imaging.Cleanup;
using Intake.Ocr;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>One OCR engine pool for the class: the models load once.</summary>
public sealed class ReadingEngines : IDisposable
{
    public OcrEnginePool Pool { get; } = new(new OcrOptions());

    public void Dispose() => Pool.Dispose();
}

/// <summary>
/// Field cases `low-resolution/` (tesseract-ocr/tesseract#161) and `inverted-header/` (tesseract-ocr/tesseract#4086) at the
/// level of the two helpers the page cleanup calls for the OCR copy: <see cref="ReadingResolution"/> (small print enlarged
/// for reading, a page still too coarse judged so) and <see cref="DarkBarInverter"/> (white-on-dark bars read as text).
/// The archived image is never touched: both return a new copy.
/// </summary>
public sealed class ReadingCopyHelperTests(ReadingEngines engines, ITestOutputHelper log) : IClassFixture<ReadingEngines>
{
    [Fact]
    public void The_150_dpi_notice_is_read_enlarged_within_1_5_percent_and_left_as_scanned()
    {
        using var source = ImageSource.Open(FieldCase.File("low-resolution", "notice-150.png"));
        using var scan = source.Decode();
        var truth = FieldCase.Truth("low-resolution");

        var scale = ReadingResolution.Measure(scan);
        using var copy = ReadingResolution.ForReading(scan, scale);
        var asScanned = engines.Pool.Recognize(scan);
        var enlarged = engines.Pool.Recognize(copy);

        log.WriteLine($"x-height body {scale.BodyXHeight:0.0} px, smallest {scale.SmallestXHeight:0.0} px, factor {scale.Factor}");
        log.WriteLine($"CER as scanned {CharacterErrorRate.Of(asScanned.Text, truth):P2}, enlarged {CharacterErrorRate.Of(enlarged.Text, truth):P2}");
        scale.Factor.Should().BeGreaterThanOrEqualTo(1.5);
        copy.Width.Should().Be((int)Math.Round(scan.Width * scale.Factor));
        copy.DpiX.Should().BeApproximately(scan.DpiX * scale.Factor, 0.01);
        (scan.Width, scan.Height).Should().Be((1240, 1754), "the scan itself stays as it was");
        CharacterErrorRate.Of(enlarged.Text, truth).Should().BeLessThanOrEqualTo(0.015);
        ReadingResolution.Judge(scale, enlarged.MeanConfidence).Poor.Should().BeFalse();
    }

    [Theory]
    [InlineData(8, 120, 0.03)]
    [InlineData(7, 150, 0.03)]
    public void Generated_small_print_is_enlarged_and_read(double points, int dpi, double maxCer)
    {
        var (pdf, truth) = VietnamesePage.Compose(
            ["Thông báo về việc thu phí vệ sinh môi trường năm 2026 đối với các hộ kinh doanh trên địa bàn phường Tân Định.",
             "Mức thu: hộ kinh doanh ăn uống 120.000 đồng mỗi tháng; hộ kinh doanh khác 60.000 đồng mỗi tháng."],
            widthMm: 148, heightMm: 105, points: points, marginMm: 10);
        using var scan = VietnamesePage.Rasterise(pdf, dpi);

        var scale = ReadingResolution.Measure(scan);
        using var copy = ReadingResolution.ForReading(scan, scale);
        var read = engines.Pool.Recognize(copy);

        var cer = CharacterErrorRate.Of(read.Text, truth);
        log.WriteLine($"{points} pt at {dpi} dpi: x-height {scale.SmallestXHeight:0.0} px, factor {scale.Factor}, CER {cer:P2}");
        scale.Enlarges.Should().BeTrue();
        cer.Should().BeLessThanOrEqualTo(maxCer);
    }

    [Fact]
    public void An_ordinary_300_dpi_page_is_not_enlarged()
    {
        var (pdf, _) = VietnamesePage.Compose(VietnameseText.Paragraphs.Take(3).ToList());
        using var page = VietnamesePage.Rasterise(pdf, 300);

        var scale = ReadingResolution.Measure(page);

        log.WriteLine($"x-height body {scale.BodyXHeight:0.0} px, smallest {scale.SmallestXHeight:0.0} px");
        scale.Factor.Should().Be(1);
    }

    [Fact]
    public void A_page_too_coarse_to_read_well_says_so()
    {
        var (pdf, _) = VietnamesePage.Compose(["Biên bản bàn giao hồ sơ lưu trữ của phường Đa Kao cho Trung tâm lưu trữ quận."], 148, 105, points: 6, marginMm: 10);
        using var scan = VietnamesePage.Rasterise(pdf, 60);

        var scale = ReadingResolution.Measure(scan);
        using var copy = ReadingResolution.ForReading(scan, scale);
        var quality = ReadingResolution.Judge(scale, engines.Pool.Recognize(copy).MeanConfidence);

        log.WriteLine($"factor {scale.Factor}: {quality.Message}");
        quality.Poor.Should().BeTrue();
        quality.Message.Should().StartWith("Trang quét quá thô").And.Contain(" / The scan is too coarse");
    }

    [Fact]
    public void The_field_case_title_bar_is_read_once_inverted()
    {
        using var source = ImageSource.Open(FieldCase.File("inverted-header", "header-bar.png"));
        using var page = source.Decode();

        var (copy, bars) = DarkBarInverter.Invert(page);
        using (copy)
        {
            var text = engines.Pool.Recognize(copy).Text;

            log.WriteLine(text);
            var cer = CharacterErrorRate.Of(text, FieldCase.Truth("inverted-header"));
            log.WriteLine($"CER {cer:P2}");
            bars.Should().Be(1);
            // Tesseract's Vietnamese model drops some marks on bold capitals ("VA HEN TRA" for "VÀ HẸN TRẢ") whatever the
            // polarity; the words themselves are read, which they are not on the dark bar
            Folded(text).Should().Contain("UY BAN NHAN DAN PHUONG BEN NGHE").And.Contain("PHIEU TIEP NHAN HO SO VA HEN TRA KET QUA");
            cer.Should().BeLessThanOrEqualTo(0.03);
        }
    }

    [Fact]
    public void Generated_bars_of_other_shades_and_sizes_are_inverted_and_a_plain_page_is_left_alone()
    {
        var (pdf, _) = VietnamesePage.Compose(
            ["SỞ TƯ PHÁP THÀNH PHỐ", "Nội dung thông báo gửi các phòng ban trong tuần này.", "", "", "DANH MỤC GIẤY TỜ CẦN NỘP", "Bản sao giấy khai sinh và sổ hộ khẩu."],
            points: 16);
        using var plain = VietnamesePage.Rasterise(pdf, 200);
        var grey = FieldCase.GreyPixels(plain);
        var (width, height) = (plain.Width, plain.Height);
        // the first heading (top line) and the second (the line before the last) become light text on bars of two shades, full width and indented
        Bar(grey, width, RowsOf(grey, width, height, fromEnd: false, 0), 0, width, 25);
        Bar(grey, width, RowsOf(grey, width, height, fromEnd: true, 1), width / 20, width * 9 / 10, 80);
        using var barred = Image.FromPixels(grey, width, height, 1, width, 200, 200);

        var (copy, bars) = DarkBarInverter.Invert(barred);
        using (copy)
        {
            var text = engines.Pool.Recognize(copy).Text;
            log.WriteLine(text);
            bars.Should().Be(2);
            Folded(text).Should().Contain("SO TU PHAP THANH PHO").And.Contain("DANH MUC GIAY TO CAN NOP");
        }

        var (untouched, none) = DarkBarInverter.Invert(plain);
        using (untouched)
        {
            none.Should().Be(0);
            FieldCase.GreyPixels(untouched).Should().Equal(FieldCase.GreyPixels(plain));
        }
    }

    private static string Folded(string text) => Intake.Dossiers.Text.VietnameseText.SearchKey(text);

    /// <summary>The rows of the n-th line of ink on the page, counted from the top or from the bottom, with a margin.</summary>
    internal static (int Top, int Bottom) RowsOf(byte[] grey, int width, int height, bool fromEnd, int n)
    {
        var inked = Enumerable.Range(0, height).Select(y => grey.AsSpan(y * width, width).IndexOfAnyInRange((byte)0, (byte)100) >= 0).ToArray();
        var lines = new List<(int Top, int Bottom)>();
        for (var y = 0; y < height; y++)
        {
            if (!inked[y]) continue;
            var start = y;
            while (y < height && inked[y]) y++;
            if (lines.Count > 0 && start - lines[^1].Bottom < 8) lines[^1] = (lines[^1].Top, y);
            else lines.Add((start, y));
        }
        var (top, bottom) = fromEnd ? lines[^(n + 1)] : lines[n];
        return (Math.Max(0, top - 20), Math.Min(height, bottom + 20));
    }

    /// <summary>Turns a band of the page into light text on a bar of the given darkness.</summary>
    internal static void Bar(byte[] grey, int width, (int Top, int Bottom) rows, int left, int right, int darkness)
    {
        for (var y = rows.Top; y < rows.Bottom; y++)
            for (var x = left; x < right; x++)
            {
                var ink = 255 - grey[y * width + x]; // 0 paper … 255 ink
                grey[y * width + x] = (byte)(darkness + ink * (235 - darkness) / 255);
            }
    }
}
