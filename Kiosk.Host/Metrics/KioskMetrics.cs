using Intake.Kiosk.Host.Hardware.Gpio;
using Intake.Kiosk.Host.Health;
using Intake.Pipeline;
using Intake.Pipeline.Reports;
using Prometheus;

namespace Intake.Kiosk.Host.Metrics;

/// <summary>
/// The kiosk's Prometheus metrics (served at /metrics in the text format, prometheus-net). Pages, stage latencies and
/// OCR confidence are counted as the page pipeline reports each page (<see cref="PipelineActivity"/>); the rest is read
/// at scrape time from <see cref="KioskVitals"/>, the data folder's filesystem and sysfs. Units are base units: seconds,
/// bytes, degrees Celsius. One registry per host, so two hosts in one process (tests) do not share series.
/// </summary>
internal sealed class KioskMetrics : IDisposable
{
    private readonly Counter _pages;
    private readonly Histogram _stageSeconds;
    private readonly Gauge _ocrConfidence;
    private readonly Histogram _ocrConfidenceHistogram;

    public KioskMetrics(KioskVitals vitals, KioskDataFolder data, StatusLight light, ThermalZones thermal)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        ArgumentNullException.ThrowIfNull(light);
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _pages = factory.CreateCounter("intake_pages_processed_total", "Pages through the page pipeline, by outcome (read, failed).", "outcome");
        _pages.WithLabels("read");
        _pages.WithLabels("failed");
        _stageSeconds = factory.CreateHistogram("intake_stage_duration_seconds", "Wall time of each page pipeline stage (decode, cleanup, queued, recognise, encode-clean and cleanup's own steps), seconds.",
            ["stage"], new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        _ocrConfidence = factory.CreateGauge("intake_ocr_mean_confidence", "Tesseract's mean text confidence (0-1) of the last page read, averaged over its pieces.");
        _ocrConfidenceHistogram = factory.CreateHistogram("intake_ocr_page_confidence", "Tesseract's mean text confidence (0-1) per page read.",
            new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.1, 0.1, 9) });
        var queueDepth = factory.CreateGauge("intake_queue_depth", "Pages taken into the page pipeline and not yet read.");
        var backlog = factory.CreateGauge("intake_outbox_backlog", "Outbox entries not yet acknowledged by the central service (NaN while no store is open).");
        var oldest = factory.CreateGauge("intake_outbox_oldest_age_seconds", "Age of the oldest unacknowledged outbox entry, seconds (0 when empty, NaN while no store is open).");
        var syncFailures = factory.CreateCounter("intake_sync_failures_total", "Failed delivery attempts to the central service since start.");
        var scannerErrors = factory.CreateCounter("intake_scanner_errors_total", "Scanner errors since start, by kind (SANE status: jammed, no_docs, cover_open, io_error…).", "kind");
        foreach (var kind in ScannerErrorKind.Common) scannerErrors.WithLabels(kind);
        var scannerUp = factory.CreateGauge("intake_scanner_ready", "1 when the scanner answered the last probe, else 0.");
        var diskFree = factory.CreateGauge("intake_disk_free_bytes", "Free bytes for the service on the data folder's filesystem.");
        var temperature = factory.CreateGauge("intake_cpu_temperature_celsius", "Thermal zone temperature from /sys/class/thermal, degrees Celsius.", "zone", "type");
        var lightGauge = factory.CreateGauge("intake_status_light", "1 for the state the status light shows (ready, busy, error).", "state");
        var paper = factory.CreateGauge("intake_paper_present", "1 while the paper sensor sees paper.");

        Registry.AddBeforeCollectCallback(() =>
        {
            queueDepth.Set(PipelineActivity.PagesInFlight);
            var outbox = vitals.ReadOutbox(DateTimeOffset.UtcNow);
            backlog.Set(outbox?.Backlog ?? double.NaN);
            oldest.Set(outbox is { } o ? o.OldestAgeSeconds ?? 0 : double.NaN);
            syncFailures.IncTo(vitals.SyncFailures);
            foreach (var (kind, count) in vitals.ScannerErrors) scannerErrors.WithLabels(kind).IncTo(count);
            scannerUp.Set(vitals.Scanner.IsReady ? 1 : 0);
            diskFree.Set(DiskSpace.FreeBytes(data.Path) ?? double.NaN);
            foreach (var zone in thermal.Read()) temperature.WithLabels(zone.Zone, zone.Type).Set(zone.Celsius);
            foreach (var state in Enum.GetValues<KioskLight>()) lightGauge.WithLabels(state.ToString().ToLowerInvariant()).Set(light.Machine.Light == state ? 1 : 0);
            paper.Set(light.Machine.PaperPresent ? 1 : 0);
        });
        PipelineActivity.PageRead += OnPageRead;
        PipelineActivity.PageFailed += OnPageFailed;
    }

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>Pages read since start (the technician page shows the same figures as /metrics).</summary>
    public double PagesRead => _pages.WithLabels("read").Value;

    public double PagesFailed => _pages.WithLabels("failed").Value;

    /// <summary>The last page's mean confidence, 0-1; null before any page.</summary>
    public double? LastConfidence => _ocrConfidenceHistogram.Count == 0 ? null : _ocrConfidence.Value;

    public void Dispose()
    {
        PipelineActivity.PageRead -= OnPageRead;
        PipelineActivity.PageFailed -= OnPageFailed;
    }

    private void OnPageRead(PageReading reading)
    {
        _pages.WithLabels("read").Inc();
        foreach (var stage in reading.Stages) _stageSeconds.WithLabels(stage.Stage).Observe(stage.Milliseconds / 1000);
        foreach (var stage in reading.Cleanup?.Stages ?? []) _stageSeconds.WithLabels("cleanup/" + stage.Stage).Observe(stage.Milliseconds / 1000);
        if (reading.Pieces.Count == 0) return;
        var confidence = reading.Pieces.Average(p => p.Text.MeanConfidence);
        _ocrConfidence.Set(confidence);
        _ocrConfidenceHistogram.Observe(confidence);
    }

    private void OnPageFailed(Exception error) => _pages.WithLabels("failed").Inc();
}
