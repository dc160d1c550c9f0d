using System.Diagnostics;

namespace Intake.Kiosk.Host.Pipeline;

/// <summary>Times the stages of one page in the order they ran.</summary>
internal sealed class StageClock
{
    private readonly List<StageTiming> _stages = [];

    public IReadOnlyList<StageTiming> Stages => _stages;

    public T Time<T>(string stage, Func<T> run, Func<T, bool> changed)
    {
        var started = Stopwatch.GetTimestamp();
        var result = run();
        _stages.Add(new StageTiming(stage, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), changed(result)));
        return result;
    }

    public void Record(string stage, TimeSpan elapsed, bool changed) =>
        _stages.Add(new StageTiming(stage, Math.Round(elapsed.TotalMilliseconds, 1), changed));
}
