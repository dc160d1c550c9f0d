namespace Intake.Kiosk.Host.Hardware;

/// <summary>
/// The kiosk's devices, from the configuration section <c>Intake:Hardware</c> (environment:
/// <c>Intake__Hardware__Gpio__Chip=0</c>, <c>Intake__Hardware__Printer__Device=/dev/usb/lp0</c>…).
/// </summary>
internal sealed class HardwareOptions
{
    public const string Section = "Intake:Hardware";

    /// <summary>The SANE device the kiosk scans with (e.g. <c>fujitsu:libusb:001:004</c>); null: any local scanner.</summary>
    public string? Scanner { get; set; }

    /// <summary>
    /// False: the service never calls SANE to look for the scanner (the scanner check then says so). libsane's state is
    /// process-wide and its configuration folder is read once per process, so a test process that starts the web host
    /// beside its own SANE tests turns this off (tests/Intake.Kiosk.Host.Tests/Health/NoSaneProbeInTests.cs).
    /// </summary>
    public bool ProbeScanner { get; set; } = true;

    /// <summary>The same switch for code outside the web host (the heartbeat of `intake sync`): its environment variable.</summary>
    public static bool ProbeScannerFromEnvironment =>
        !string.Equals(Environment.GetEnvironmentVariable("Intake__Hardware__ProbeScanner"), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True: paper placed on the paper sensor scans it for the session waiting on its scan screen, as its scan button
    /// would (Session/PaperStartsScan.cs). False: only the button scans.
    /// </summary>
    public bool ScanOnPaper { get; set; } = true;

    public GpioOptions Gpio { get; set; } = new();

    public PrinterOptions Printer { get; set; } = new();
}

/// <summary>
/// The status light and the paper sensor on one GPIO chip (<c>/dev/gpiochipN</c>), by line offset on that chip.
/// The light is three lamps (green ready, amber busy, red error), exactly one lit; a lamp whose line is null is absent.
/// </summary>
internal sealed class GpioOptions
{
    /// <summary>False: no GPIO is used at all (and /readyz says so).</summary>
    public bool Enabled { get; set; } = true;

    public int Chip { get; set; }

    public int? ReadyLine { get; set; } = 17;

    public int? BusyLine { get; set; } = 27;

    public int? ErrorLine { get; set; } = 22;

    /// <summary>The paper-present sensor's input line; null: no sensor.</summary>
    public int? PaperLine { get; set; } = 23;

    /// <summary>True when the sensor pulls the line low while paper is present (an optical switch to ground).</summary>
    public bool PaperActiveLow { get; set; } = true;
}

/// <summary>The receipt printer: an ESC/POS printer's device file, and where PDF receipts go when it is missing.</summary>
internal sealed class PrinterOptions
{
    /// <summary>The printer's character device (usblp); a plain file in tests.</summary>
    public string Device { get; set; } = "/dev/usb/lp0";

    /// <summary>Where PDF receipts are written when the device is missing; null: <c>DATA/receipts</c>.</summary>
    public string? PdfFolder { get; set; }

    /// <summary>Characters per line of the paper roll (80 mm at Font A: 48; 58 mm: 32).</summary>
    public int Columns { get; set; } = 48;
}
