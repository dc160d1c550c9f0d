using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Sane;

/// <summary>The bytes of one frame as sane_read delivered them, with the parameters that describe them.</summary>
internal sealed record SaneFrame(SaneFrameFormat Format, int Depth, int PixelsPerLine, int BytesPerLine, byte[] Data, int Length)
{
    /// <summary>Whole lines received; a trailing partial line (a scanner stopped early) is dropped.</summary>
    public int Lines => BytesPerLine <= 0 ? 0 : Length / BytesPerLine;
}
