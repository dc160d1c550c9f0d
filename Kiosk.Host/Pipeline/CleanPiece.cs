using Intake.Imaging;

namespace Intake.Kiosk.Host.Pipeline;

/// <summary>
/// One piece of a page ready to read: <see cref="Clean"/> is the straightened colour page that is kept,
/// <see cref="ForReading"/> what the engine sees (the same pixels geometry, so boxes map one to one;
/// it may be <see cref="Clean"/> itself).
/// </summary>
internal sealed class CleanPiece(Image clean, Image forReading, PieceReport report) : IDisposable
{
    public Image Clean { get; } = clean;

    public Image ForReading { get; } = forReading;

    public PieceReport Report { get; } = report;

    public void Dispose()
    {
        if (!ReferenceEquals(ForReading, Clean)) ForReading.Dispose();
        Clean.Dispose();
    }
}
