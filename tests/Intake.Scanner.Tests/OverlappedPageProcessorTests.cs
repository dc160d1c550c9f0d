using FluentAssertions;
using Intake.Imaging;
using Intake.Scanner.Replay;

namespace Intake.Scanner.Tests;

public sealed class OverlappedPageProcessorTests : IDisposable
{
    private static readonly TimeSpan ScanTime = TimeSpan.FromMilliseconds(120);
    private static readonly TimeSpan ProcessTime = TimeSpan.FromMilliseconds(150);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intake-overlap-{Guid.NewGuid():N}");

    public OverlappedPageProcessorTests()
    {
        Directory.CreateDirectory(_folder);
        for (var i = 1; i <= 6; i++)
        {
            var pixels = Enumerable.Repeat((byte)(40 * i), 32 * 32).ToArray();
            using var image = Image.FromPixels(pixels, 32, 32, 1, 32, 300, 300);
            File.WriteAllBytes(Path.Combine(_folder, $"p{i}.png"), image.Encode(".png"));
        }
    }

    [Fact]
    public async Task Pages_are_processed_while_later_ones_scan_and_come_back_in_order()
    {
        var scanner = new ReplayScanner(_folder, ScanTime);
        var inFlight = 0;
        var mostInFlight = 0;
        var scanned = 0;
        var scannedWhenFirstDone = -1;
        var results = new List<int>();
        await foreach (var number in OverlappedPageProcessor.ProcessAsync(Counted(scanner.ScanAsync(new ScanRequest(PaperSource.Adf))), async (page, token) =>
                       {
                           var now = Interlocked.Increment(ref inFlight);
                           InterlockedMax(ref mostInFlight, now);
                           // Later pages take less time, so they would overtake earlier ones if order were not kept.
                           await Task.Delay(ProcessTime * (7 - page.Number) / 3, token);
                           Interlocked.Decrement(ref inFlight);
                           if (page.Number == 1) scannedWhenFirstDone = Volatile.Read(ref scanned);
                           return page.Number;
                       }, workers: 2))
            results.Add(number);

        results.Should().Equal(1, 2, 3, 4, 5, 6);
        mostInFlight.Should().Be(2, "two workers read pages side by side");
        // Overlap, shown by order of events rather than by a clock: page 1 was read while the feeder
        // still had pages to deliver.
        scannedWhenFirstDone.Should().BeInRange(1, 5);

        async IAsyncEnumerable<ScannedPage> Counted(IAsyncEnumerable<ScannedPage> pages)
        {
            await foreach (var page in pages)
            {
                Interlocked.Increment(ref scanned);
                yield return page;
            }
        }
    }

    [Fact]
    public async Task A_failing_page_ends_the_run_with_its_error()
    {
        var scanner = new ReplayScanner(_folder);

        var act = async () =>
        {
            await foreach (var _ in OverlappedPageProcessor.ProcessAsync(scanner.ScanAsync(new ScanRequest(PaperSource.Adf)),
                               (page, _) => page.Number == 3 ? throw new InvalidOperationException("page 3") : Task.FromResult(page.Number), workers: 2))
            {
            }
        };

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("page 3");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
