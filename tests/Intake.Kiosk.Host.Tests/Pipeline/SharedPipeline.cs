using Intake.Imaging;
using Intake.Kiosk.Host.Reading;
using Intake.Pipeline;
using Intake.Pipeline.Reports;
using Intake.Ocr;
using Intake.Ocr.Orientation;

namespace Intake.Kiosk.Host.Tests.Pipeline;

/// <summary>One engine pool and orientation detector per test class (models load once), and a way to push images through the real pipeline.</summary>
public sealed class SharedPipeline : IDisposable
{
    internal PageEngines Engines { get; } = new(new OcrOptions());

    internal OcrEnginePool Readers => Engines.Readers;

    internal OrientationDetector Orientation => Engines.Orientation;

    /// <summary>Cleans and reads every page, in parallel over the pool; results in the order given.</summary>
    internal async Task<PageReading[]> Read(IReadOnlyList<Func<Image>> pages, PageCleanerOptions? options = null, bool cleanup = true)
    {
        var cleaner = cleanup ? new PageCleaner(Engines, options ?? new PageCleanerOptions()) : null;
        var pipeline = new PagePipeline(Readers, cleaner, new PagePipelineOptions(OcrOutputs.Text, KeepCleanImages: false));
        var readings = new PageReading[pages.Count];
        var errors = new List<Exception>();
        var work = pages.Select((decode, i) => new PageWork(this, i, decode));
        await pipeline.RunAsync(work, (w, reading, error) =>
        {
            if (error is not null) lock (errors) errors.Add(error);
            else readings[w.Page] = reading!;
        }, CancellationToken.None);
        if (errors.Count > 0) throw new AggregateException(errors);
        return readings;
    }

    public void Dispose() => Engines.Dispose();
}
