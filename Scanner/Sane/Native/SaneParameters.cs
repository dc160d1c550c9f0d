using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>SANE_Parameters: the geometry of the frame about to be (or being) read. Lines is -1 when unknown.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SaneParameters
{
    public SaneFrameFormat Format;
    public int LastFrame;
    public int BytesPerLine;
    public int PixelsPerLine;
    public int Lines;
    public int Depth;
}
