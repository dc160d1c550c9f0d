using Intake.Dossiers.Package;
using Intake.Pipeline;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// One page of a citizen's session as it goes through the pipeline. <see cref="State"/> is one of
/// <see cref="PageStates"/>; <see cref="DocumentTypes"/> are the types recognised on it once read. The picture
/// (archived colour JPEG) and the thumbnail live in memory only, until the session commits or is wiped.
/// </summary>
internal sealed class SessionPage(int number)
{
    /// <summary>1-based, in scan order.</summary>
    public int Number { get; } = number;

    public string State { get; set; } = PageStates.Received;

    public IReadOnlyList<string> DocumentTypes { get; set; } = [];

    public byte[]? Thumbnail { get; set; }

    public ScannedPagePicture? Picture { get; set; }

    public PageReading? Reading { get; set; }

    /// <summary>The scan while it waits for the pipeline; the pipeline owns it once taken.</summary>
    public Intake.Imaging.Image? Waiting { get; set; }

    /// <summary>Why the page could not be read (Vietnamese / English), null otherwise.</summary>
    public string? Error { get; set; }

    /// <summary>Overwrites the bytes this page held, so the scan does not linger in freed memory.</summary>
    public void Wipe()
    {
        if (Thumbnail is { } thumbnail) Array.Clear(thumbnail);
        if (Picture is { } picture) Array.Clear(picture.Encoded);
        Waiting?.Dispose();
        Waiting = null;
        Thumbnail = null;
        Picture = null;
        Reading = null;
        DocumentTypes = [];
    }
}

/// <summary>
/// The live progress of a page, pushed to the screen: received (scanned, waiting), cleaning (taken by the pipeline),
/// reading (cleaned, being recognised), recognised (read, its documents known) or failed.
/// </summary>
internal static class PageStates
{
    public const string Received = "received";
    public const string Cleaning = "cleaning";
    public const string Reading = "reading";
    public const string Recognised = "recognised";
    public const string Failed = "failed";
}
