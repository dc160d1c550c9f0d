namespace Intake.Ocr.Orientation;

/// <summary>
/// Tesseract OSD's answer as it gives it: <see cref="PageDegrees"/> is how far the text is turned
/// from upright (0, 90, 180, 270), with its confidence (unbounded, about 0..100; below about 2 it is a
/// guess) and the script it saw.
/// </summary>
internal sealed record OsdResult(int PageDegrees, double Confidence, string Script, double ScriptConfidence);
