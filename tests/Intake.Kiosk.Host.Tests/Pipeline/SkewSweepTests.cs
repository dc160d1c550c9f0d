using System.Diagnostics;
using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Imaging;
using Intake.Kiosk.Host.Reading;
using Intake.Pipeline;
using Intake.Pipeline.Reports;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Pipeline;

/// <summary>Issue 3's generated sweep: our Vietnamese A4 page turned through -40..+40 degrees and the quarter turns, with noise, read through the pipeline.</summary>
public sealed class SkewSweepTests(SharedPipeline shared, ITestOutputHelper log) : IClassFixture<SharedPipeline>
{
    [Fact]
    public async Task Every_turn_of_the_vietnamese_page_reads_within_2_percent()
    {
        using var upright = SkewSweep.Upright();
        var started = Stopwatch.StartNew();
        var readings = await shared.Read([.. SkewSweep.Angles.Select(a => (Func<Image>)(() => SkewSweep.Turned(upright, a)))]);
        log.WriteLine($"{readings.Length} pages in {started.Elapsed.TotalSeconds:F1} s");
        var failures = new List<string>();
        for (var i = 0; i < readings.Length; i++)
        {
            var angle = SkewSweep.Angles[i];
            var cer = CharacterErrorRate.Of(readings[i].Text, SkewSweep.Truth);
            var report = readings[i].Pieces[0].Cleanup!;
            log.WriteLine($"{angle,5}: CER {cer:P2}, skew {report.Skew?.Degrees:F2}, turn {report.Orientation?.Degrees} by {report.Orientation?.Method}, "
                + string.Join(" ", readings[i].Stages.Select(s => $"{s.Stage}={s.Milliseconds:F0}")));
            if (cer > 0.02) failures.Add($"{angle}°: {cer:P2}");
        }
        failures.Should().BeEmpty();
    }

    // Issue 9, point 5: text blocks of other widths and typefaces lying exactly on their side. Deskew must
    // leave them alone (the quarter turn is orientation's) and the page must read as well as upright.
    [Fact]
    public async Task Quarter_turned_text_blocks_of_every_width_and_font_read_within_1_percent_without_a_deskew_turn()
    {
        var rendered = SkewSweep.QuarterTurns.Select(SkewSweep.Render).ToArray();
        var readings = await shared.Read([.. rendered.Select(r => (Func<Image>)(() => r.Page))]);
        var failures = new List<string>();
        for (var i = 0; i < readings.Length; i++)
        {
            var turn = SkewSweep.QuarterTurns[i];
            var cer = CharacterErrorRate.Of(readings[i].Text, rendered[i].Truth);
            var report = readings[i].Pieces[0].Cleanup!;
            log.WriteLine($"{turn.Name}: CER {cer:P2}, skew {report.Skew?.Degrees:F2} at {report.Skew?.Confidence:F2} rotated {report.Skew?.Rotated}, "
                + $"turn {report.Orientation?.Degrees} by {report.Orientation?.Method}");
            if (cer > 0.01) failures.Add($"{turn.Name}: CER {cer:P2}");
            if (report.Skew?.Rotated == true) failures.Add($"{turn.Name}: deskew turned it by {report.Skew.Degrees:F2}");
            if (report.Orientation?.Degrees != (360 - turn.Degrees) % 360) failures.Add($"{turn.Name}: oriented by {report.Orientation?.Degrees}");
        }
        failures.Should().BeEmpty();
    }
}
