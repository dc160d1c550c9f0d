using Intake.Imaging;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// One piece of a page ready to read: <see cref="Clean"/> is the straightened colour page that is kept,
/// <see cref="ForReading"/> what the engine sees (the same pixels geometry, so boxes map one to one;
/// it may be <see cref="Clean"/> itself).
/// </summary>
public sealed class CleanPiece(Image clean, Image forReading, PieceReport report) : IDisposable
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
