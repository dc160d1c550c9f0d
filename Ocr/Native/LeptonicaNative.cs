using System.Runtime.InteropServices;

namespace Intake.Ocr.Native;

/// <summary>Leptonica (Tesseract's image library), only to keep it from printing to our stderr.</summary>
internal static partial class LeptonicaNative
{
    internal const int SeverityNone = 6; // L_SEVERITY_NONE

    [LibraryImport("liblept.so.5", EntryPoint = "setMsgSeverity")]
    internal static partial int SetMsgSeverity(int severity);
}
