namespace Intake.Pipeline.Reports;

/// <summary>Times the stages of one page in the order they ran.</summary>
public sealed class StageClock
{
    private readonly List<StageTiming> _stages = [];

    public IReadOnlyList<StageTiming> Stages => _stages;

    public T Time<T>(string stage, Func<T> run, Func<T, bool> changed)
    {
        var watch = StageTiming.Start();
        var result = run();
        _stages.Add(watch.Stop(stage, changed(result)));
        return result;
    }
}
