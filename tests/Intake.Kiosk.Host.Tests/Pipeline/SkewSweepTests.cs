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
}
