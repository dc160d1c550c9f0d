using System.Diagnostics;
using Intake.Pipeline.Native;

namespace Intake.Pipeline.Reports;

/// <summary>
/// How long one stage took on one page (wall time, and the CPU time of the thread that ran it), and
/// whether it changed the page.
/// </summary>
public sealed record StageTiming(string Stage, double Milliseconds, double CpuMilliseconds, bool Changed)
{
    /// <summary>A stage's start on the current thread; <see cref="Stop"/> must be called on the same thread.</summary>
    public readonly record struct Watch(long Started, TimeSpan CpuStarted)
    {
        public StageTiming Stop(string stage, bool changed) =>
            new(stage, Round(Stopwatch.GetElapsedTime(Started)), Round(ThreadCpuTime.Now() - CpuStarted), changed);
    }

    public static Watch Start() => new(Stopwatch.GetTimestamp(), ThreadCpuTime.Now());

    /// <summary>A stage that only waited (no work of its own to measure).</summary>
    public static StageTiming Waited(string stage, TimeSpan elapsed) => new(stage, Round(elapsed), 0, false);

    private static double Round(TimeSpan t) => Math.Round(t.TotalMilliseconds, 1);
}
