using System.Runtime.InteropServices;

namespace Intake.Pipeline.Native;

/// <summary>
/// CPU time used so far by the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). Stage timings record it beside
/// wall time: with more workers than cores, a stage's wall time also counts the time it waited for a core
/// while other pages were being read, which is not its cost.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    public static TimeSpan Now() =>
        ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100) : TimeSpan.Zero;
}
