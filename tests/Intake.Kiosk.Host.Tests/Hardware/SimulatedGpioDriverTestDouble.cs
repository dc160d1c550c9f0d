using System.Device.Gpio;

namespace Intake.Kiosk.Host.Tests.Hardware;

/// <summary>
/// Test double for a GPIO chip, which this machine and CI do not have (no gpiochip in the kernel: libgpiod finds no
/// chip). Keeps each line's mode and level; the test reads the lamps' levels and moves the paper sensor's line with
/// <see cref="SetInput"/>, which raises the edge callbacks as the libgpiod driver's event thread would.
/// </summary>
internal sealed class SimulatedGpioDriverTestDouble(int lines = 32) : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, List<(PinEventTypes Types, PinChangeEventHandler Handler)>> _callbacks = [];
    private readonly Lock _gate = new();

    protected override int PinCount => lines;

    public bool IsOpen(int line)
    {
        lock (_gate) return _modes.ContainsKey(line);
    }

    /// <summary>The level the host last wrote to (or the test set on) <paramref name="line"/>.</summary>
    public PinValue Level(int line)
    {
        lock (_gate) return _levels.GetValueOrDefault(line, PinValue.Low);
    }

    /// <summary>Moves an input line to <paramref name="level"/>, raising the rising or falling edge callbacks.</summary>
    public void SetInput(int line, PinValue level)
    {
        List<(PinEventTypes Types, PinChangeEventHandler Handler)> callbacks;
        PinEventTypes edge;
        lock (_gate)
        {
            var before = _levels.GetValueOrDefault(line, PinValue.Low);
            _levels[line] = level;
            if (before == level) return;
            edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            callbacks = [.. _callbacks.GetValueOrDefault(line, [])];
        }
        foreach (var (types, handler) in callbacks.Where(c => (c.Types & edge) != 0))
            handler(this, new PinValueChangedEventArgs(edge, line));
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate) _modes[pinNumber] = PinMode.Input;
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate) _modes.Remove(pinNumber);
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate) _modes[pinNumber] = mode;
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate) return _modes[pinNumber];
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.Output;

    protected override PinValue Read(int pinNumber) => Level(pinNumber);

    protected override void Toggle(int pinNumber) => Write(pinNumber, !Level(pinNumber));

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate) _levels[pinNumber] = value;
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the host registers callbacks; it never blocks on an edge");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(pinNumber, out var list)) _callbacks[pinNumber] = list = [];
            list.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (_callbacks.TryGetValue(pinNumber, out var list)) list.RemoveAll(c => c.Handler == callback);
        }
    }
}
