using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Intake.Kiosk.Host.Hardware.Gpio;

/// <summary>
/// The status lamps and the paper sensor on the GPIO lines of <see cref="GpioOptions"/>, through System.Device.Gpio's
/// libgpiod driver (<c>/dev/gpiochipN</c>). Lamps are active high. Lines are opened once and held; disposing turns
/// the lamps off and releases the chip.
/// </summary>
internal sealed class GpioPanel : IDisposable
{
    private readonly GpioController _controller;
    private readonly GpioOptions _options;
    private readonly PinChangeEventHandler? _paperHandler;

    private GpioPanel(GpioController controller, GpioOptions options, Action<bool> paperChanged)
    {
        _controller = controller;
        _options = options;
        foreach (var line in Lamps) _controller.OpenPin(line, PinMode.Output, PinValue.Low);
        if (options.PaperLine is { } paper)
        {
            _controller.OpenPin(paper, PinMode.Input);
            _paperHandler = (_, e) => paperChanged(IsPaper(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low));
            _controller.RegisterCallbackForPinValueChangedEvent(paper, PinEventTypes.Rising | PinEventTypes.Falling, _paperHandler);
        }
    }

    /// <summary>Whether paper is on the sensor now (false without a sensor).</summary>
    public bool PaperPresent => _options.PaperLine is { } paper && IsPaper(_controller.Read(paper));

    private IEnumerable<int> Lamps => new[] { _options.ReadyLine, _options.BusyLine, _options.ErrorLine }.OfType<int>();

    /// <summary>
    /// Opens the panel on <paramref name="driver"/> (default: libgpiod on the configured chip). Where no GPIO chip
    /// exists the driver throws; the answer is then null with the reason, Vietnamese / English, and the kiosk runs
    /// without its light.
    /// </summary>
    public static (GpioPanel? Panel, string? Problem) TryOpen(GpioOptions options, Action<bool> paperChanged, GpioDriver? driver = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return (null, "GPIO đã tắt trong cấu hình / GPIO disabled in the configuration");
        GpioController? controller = null;
        try
        {
            controller = new GpioController(driver ?? new LibGpiodDriver(options.Chip));
            return (new GpioPanel(controller, options, paperChanged), null);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException or ArgumentException or DllNotFoundException or UnauthorizedAccessException)
        {
            controller?.Dispose();
            return (null, $"Không mở được GPIO chip {options.Chip} / cannot open GPIO chip {options.Chip}: {e.Message}");
        }
    }

    /// <summary>Lights exactly the lamp of <paramref name="light"/>.</summary>
    public void Show(KioskLight light)
    {
        Write(_options.ReadyLine, light == KioskLight.Ready);
        Write(_options.BusyLine, light == KioskLight.Busy);
        Write(_options.ErrorLine, light == KioskLight.Error);
    }

    public void Dispose()
    {
        foreach (var line in Lamps) _controller.Write(line, PinValue.Low);
        if (_options.PaperLine is { } paper && _paperHandler is not null)
            _controller.UnregisterCallbackForPinValueChangedEvent(paper, _paperHandler);
        _controller.Dispose();
    }

    private bool IsPaper(PinValue level) => _options.PaperActiveLow ? level == PinValue.Low : level == PinValue.High;

    private void Write(int? line, bool on)
    {
        if (line is { } l) _controller.Write(l, on ? PinValue.High : PinValue.Low);
    }
}
