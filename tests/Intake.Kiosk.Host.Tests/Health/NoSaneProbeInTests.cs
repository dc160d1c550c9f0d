using System.Runtime.CompilerServices;

namespace Intake.Kiosk.Host.Tests.Health;

/// <summary>
/// Every web host this test process starts (KioskApp.Build) would probe SANE in the background for /readyz. libsane's
/// state is process-wide and reads its configuration folder once, so a probe racing the SANE test collection could
/// pin the machine's /etc/sane.d before that collection points SANE at its test backend. The hosts' probe is turned
/// off here; <see cref="ScannerProbeTests"/> checks the probe itself inside the SANE collection.
/// </summary>
internal static class NoSaneProbeInTests
{
    [ModuleInitializer]
    internal static void TurnOff() => Environment.SetEnvironmentVariable("Intake__Hardware__ProbeScanner", "false");
}
