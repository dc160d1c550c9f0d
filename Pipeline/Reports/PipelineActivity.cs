namespace Intake.Pipeline.Reports;

/// <summary>
/// Process-wide notices of what the page pipeline did, for the host's metrics and status light. Static because every
/// verb builds pipelines of its own while a process has one set of metrics (the same reason System.Diagnostics.Metrics
/// meters are static). Handlers run on the pipeline's worker threads and must be quick and must not throw.
/// </summary>
public static class PipelineActivity
{
    private static int _pagesInFlight;

    /// <summary>A page was read: its stages (timings) and pieces (mean confidence, 0-1).</summary>
    public static event Action<PageReading>? PageRead;

    /// <summary>A page could not be read (undecodable image, engine failure).</summary>
    public static event Action<Exception>? PageFailed;

    /// <summary>Fired when <see cref="PagesInFlight"/> changes (0 → 1: work started; 1 → 0: all done).</summary>
    public static event Action<int>? InFlightChanged;

    /// <summary>Pages taken into a pipeline (decoded or being decoded) and not yet read or failed.</summary>
    public static int PagesInFlight => Volatile.Read(ref _pagesInFlight);

    internal static void Started() => InFlightChanged?.Invoke(Interlocked.Increment(ref _pagesInFlight));

    internal static void Finished(PageReading? reading, Exception? error)
    {
        var left = Interlocked.Decrement(ref _pagesInFlight);
        if (reading is not null) PageRead?.Invoke(reading);
        if (error is not null) PageFailed?.Invoke(error);
        InFlightChanged?.Invoke(left);
    }

    /// <summary>Pages a cancelled or failed run started but never finished, so the count does not drift.</summary>
    internal static void Abandoned(int pages)
    {
        if (pages > 0) InFlightChanged?.Invoke(Interlocked.Add(ref _pagesInFlight, -pages));
    }

    /// <summary>The pages of one pipeline run; disposing it gives back those started and never finished.</summary>
    internal sealed class Run : IDisposable
    {
        private int _open;

        public void Start()
        {
            Interlocked.Increment(ref _open);
            Started();
        }

        public void Finish(PageReading? reading, Exception? error)
        {
            Interlocked.Decrement(ref _open);
            Finished(reading, error);
        }

        public void Dispose() => Abandoned(Interlocked.Exchange(ref _open, 0));
    }
}
