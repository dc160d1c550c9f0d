using System.Globalization;

namespace Intake.Scanner.Sane;

/// <summary>
/// What an open scanner offers, for the technician's listing: its paper sources and colour modes as the
/// backend names them, and its resolutions (a list, or a range Min..Max in steps of Step; Step 0 = any).
/// </summary>
public sealed record ScannerCapabilities(IReadOnlyList<string> Sources, IReadOnlyList<string> Modes, IReadOnlyList<double> Resolutions, SaneRange? ResolutionRange)
{
    public static ScannerCapabilities Read(SaneDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var source = device.FindOption("source");
        var mode = device.FindOption("mode");
        var resolution = device.FindOption("resolution") ?? device.FindOption("x-resolution");
        return new ScannerCapabilities(
            source is { IsActive: true } ? source.Strings ?? [] : [],
            mode is { IsActive: true } ? mode.Strings ?? [] : [],
            resolution?.Words ?? [],
            resolution?.Range);
    }

    /// <summary>"75, 150, 300" or "1–1200 (step 1)"; empty when the device does not say.</summary>
    public string DescribeResolutions()
    {
        if (Resolutions.Count > 0) return string.Join(", ", Resolutions.Select(Number));
        if (ResolutionRange is not { } range) return "";
        return range.Quant > 0 ? $"{Number(range.Min)}–{Number(range.Max)} (bước / step {Number(range.Quant)})" : $"{Number(range.Min)}–{Number(range.Max)}";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
