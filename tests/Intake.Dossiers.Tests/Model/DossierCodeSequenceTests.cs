using FluentAssertions;

namespace Intake.Dossiers.Tests.Model;

/// <summary>The dossier code's NNNN: per kiosk per local day, kept in a state file, never handed out twice.</summary>
public sealed class DossierCodeSequenceTests : IDisposable
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("intake-sequence-test-");

    [Fact]
    public void Two_codes_in_a_row_are_0001_then_0002_and_a_restart_continues()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.Zero));

        new DossierCodeSequence(_state.FullName, clock).Next("K01").ToString().Should().Be("K01-250701-0001");
        new DossierCodeSequence(_state.FullName, clock).Next("K01").ToString().Should().Be("K01-250701-0002");
        // another kiosk code counts on its own
        new DossierCodeSequence(_state.FullName, clock).Next("000.00.14.H56").ToString().Should().Be("000.00.14.H56-250701-0001");
        new DossierCodeSequence(_state.FullName, clock).Next("K01").ToString().Should().Be("K01-250701-0003");
    }

    [Fact]
    public void A_new_local_day_starts_again_at_0001()
    {
        // 23:30 UTC on 30 June is already 06:30 on 1 July at the kiosk (UTC+7)
        var clock = new FixedClock(new DateTimeOffset(2025, 6, 30, 16, 0, 0, TimeSpan.Zero));
        var sequence = new DossierCodeSequence(_state.FullName, clock);

        sequence.Next("K01").ToString().Should().Be("K01-250630-0001");
        sequence.Next("K01").ToString().Should().Be("K01-250630-0002");
        clock.Now = new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero);
        sequence.Next("K01").ToString().Should().Be("K01-250701-0001");
        sequence.Next("K01").ToString().Should().Be("K01-250701-0002");
        // a clock set back a day continues that day's count rather than repeating it
        sequence.Next("K01", new DateOnly(2025, 6, 30)).ToString().Should().Be("K01-250630-0003");
    }

    [Fact]
    public async Task Parallel_callers_get_distinct_numbers()
    {
        const int callers = 20;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, callers).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.Wait();
                // a sequence object each, as separate `intake` processes would have: only the file lock keeps them apart
                return new DossierCodeSequence(_state.FullName).Next("K01", new DateOnly(2025, 7, 1)).Sequence;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        start.Set();
        var numbers = await Task.WhenAll(tasks);

        numbers.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Enumerable.Range(1, callers));
        new DossierCodeSequence(_state.FullName).Next("K01", new DateOnly(2025, 7, 1)).Sequence.Should().Be(callers + 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"version\": 1, \"kiosks\": {\"K01\": {\"2025-07-01\": 12")]
    [InlineData("not json")]
    [InlineData("{\"version\": 1, \"kiosks\": {\"K01\": {\"2025-07-01\": -3}}}")]
    [InlineData("{\"version\": 1, \"kiosks\": {\"K01\": {\"2025-13-01\": 3}}}")]
    [InlineData("{\"version\": 1, \"kiosks\": {\"K-01\": {\"2025-07-01\": 3}}}")]
    [InlineData("{\"version\": 2, \"kiosks\": {}}")]
    [InlineData("[]")]
    public void A_corrupt_state_file_is_refused_with_its_name_and_left_as_it_is(string content)
    {
        var sequence = new DossierCodeSequence(_state.FullName);
        File.WriteAllText(sequence.StatePath, content);

        var act = () => sequence.Next("K01", new DateOnly(2025, 7, 1));

        act.Should().Throw<DossierCodeSequenceException>()
            .Which.Message.Should().Contain(sequence.StatePath).And.Contain("corrupt").And.Contain("bị hỏng");
        File.ReadAllText(sequence.StatePath).Should().Be(content, "the evidence of the last number stays for whoever repairs it");
    }

    [Fact]
    public void A_leftover_temporary_file_from_a_crash_is_ignored()
    {
        var sequence = new DossierCodeSequence(_state.FullName);
        sequence.Next("K01", new DateOnly(2025, 7, 1));
        File.WriteAllText(sequence.StatePath + ".tmp", "{\"vers");

        sequence.Next("K01", new DateOnly(2025, 7, 1)).Sequence.Should().Be(2);
    }

    [Fact]
    public void The_day_after_9999_codes_is_refused_not_wrapped()
    {
        var sequence = new DossierCodeSequence(_state.FullName);
        File.WriteAllText(sequence.StatePath, "{\"version\": 1, \"kiosks\": {\"K01\": {\"2025-07-01\": 9999}}}");

        var act = () => sequence.Next("K01", new DateOnly(2025, 7, 1));

        act.Should().Throw<DossierCodeSequenceException>().Which.Message.Should().Contain("9999");
        sequence.Next("K01", new DateOnly(2025, 7, 2)).Sequence.Should().Be(1);
    }

    [Fact]
    public void A_lock_held_elsewhere_times_out_with_a_message()
    {
        var sequence = new DossierCodeSequence(_state.FullName, lockTimeout: TimeSpan.FromMilliseconds(200));
        using (new FileStream(Path.Combine(_state.FullName, DossierCodeSequence.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var act = () => sequence.Next("K01", new DateOnly(2025, 7, 1));

            act.Should().Throw<DossierCodeSequenceException>().Which.Message.Should().Contain(DossierCodeSequence.LockFileName);
        }

        sequence.Next("K01", new DateOnly(2025, 7, 1)).Sequence.Should().Be(1, "the timed-out call took no number");
    }

    [Fact]
    public void Old_days_are_pruned_and_a_bad_kiosk_code_touches_nothing()
    {
        var sequence = new DossierCodeSequence(Path.Combine(_state.FullName, "nested", "state"));
        sequence.Next("K01", new DateOnly(2025, 1, 1));
        sequence.Next("K01", new DateOnly(2025, 7, 1));

        File.ReadAllText(sequence.StatePath).Should().Contain("2025-07-01").And.NotContain("2025-01-01");
        var act = () => sequence.Next("K-01", new DateOnly(2025, 7, 1));
        act.Should().Throw<ArgumentException>();
        File.ReadAllText(sequence.StatePath).Should().NotContain("K-01");
    }

    public void Dispose() => _state.Delete(recursive: true);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override TimeZoneInfo LocalTimeZone => Vietnam;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
