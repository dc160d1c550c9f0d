namespace Intake.Scanner;

/// <summary>
/// Anything that produces pages: a SANE scanner, a camera, a folder replayed as if it were a feeder.
/// Pages arrive as they are captured; the sequence ends when the feeder is empty (or after the one
/// flatbed page). Stopping the enumeration or cancelling stops the device, mid-page if need be.
/// </summary>
public interface IScanSource
{
    /// <summary>A name for logs and for <see cref="ScannedPage.Source"/>.</summary>
    string Name { get; }

    IAsyncEnumerable<ScannedPage> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default);
}
