using System.Device.Gpio;
using Intake.Pipeline;
using Intake.Pipeline.Reports;

namespace Intake.Kiosk.Host.Hardware.Gpio;

/// <summary>
/// The host's status light: the <see cref="StatusMachine"/> fed by the page pipeline (pages in flight, pages read or
/// failed) and by the paper sensor, shown on the <see cref="GpioPanel"/> when a GPIO chip exists. Without one the
/// machine still runs (the technician page and /metrics show it) and <see cref="Problem"/> says why there is no lamp.
/// </summary>
internal sealed class StatusLight : IHostedService, IDisposable
{
    private readonly GpioOptions _options;
    private readonly GpioDriver? _driver;
    private GpioPanel? _panel;

    /// <summary><paramref name="driver"/>: null for libgpiod on the configured chip; tests pass a simulated chip.</summary>
    public StatusLight(GpioOptions options, GpioDriver? driver)
    {
        _options = options;
        _driver = driver;
        Machine.Changed += light => _panel?.Show(light);
    }

    public StatusMachine Machine { get; } = new();

    /// <summary>Why there is no lamp or sensor (Vietnamese / English); null when the panel is open.</summary>
    public string? Problem { get; private set; }

    public bool HasPanel => _panel is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        (_panel, Problem) = GpioPanel.TryOpen(_options, Machine.Paper, _driver);
        _panel?.Show(Machine.Light);
        if (_panel is { PaperPresent: true }) Machine.Paper(true);
        PipelineActivity.InFlightChanged += Machine.PagesInFlight;
        PipelineActivity.PageRead += OnPageRead;
        PipelineActivity.PageFailed += OnPageFailed;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Detach();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Detach();
        _panel?.Dispose();
        _panel = null;
    }

    private void Detach()
    {
        PipelineActivity.InFlightChanged -= Machine.PagesInFlight;
        PipelineActivity.PageRead -= OnPageRead;
        PipelineActivity.PageFailed -= OnPageFailed;
    }

    private void OnPageRead(PageReading reading) => Machine.PageRead();

    // The exception's message names the file, never what is written on it: no personal data reaches the page.
    private void OnPageFailed(Exception error) => Machine.PageFailed($"Không đọc được trang / a page could not be read: {error.GetType().Name}");
}
