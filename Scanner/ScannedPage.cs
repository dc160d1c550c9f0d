using Intake.Imaging;

namespace Intake.Scanner;

/// <summary>
/// One captured page, owned by whoever receives it (dispose it, or hand it on). Number is 1-based within
/// the batch; in duplex, odd numbers are fronts and even numbers backs. Source names the device and its
/// paper source, e.g. "test:0 (Automatic Document Feeder)". Started/Duration time the capture itself.
/// </summary>
public sealed record ScannedPage(Image Image, int Number, string Source, DateTimeOffset Started, TimeSpan Duration) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
