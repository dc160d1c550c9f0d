namespace Intake.Scanner;

/// <summary>
/// What to scan. Area null means the whole bed. Dpi is a request: the page carries the dpi the device
/// actually used. MaxPages null means "until the feeder is empty" (a flatbed always gives one page).
/// </summary>
public sealed record ScanRequest(
    PaperSource Source = PaperSource.Flatbed,
    int Dpi = 300,
    ColorMode Mode = ColorMode.Color,
    ScanArea? Area = null,
    int? MaxPages = null)
{
    public bool UsesFeeder => Source is PaperSource.Adf or PaperSource.Duplex;
}
