namespace Intake.Ocr;

/// <summary>What recognition should produce beyond the plain text and words (each costs time).</summary>
[Flags]
public enum OcrOutputs
{
    Text = 0,
    Hocr = 1,
    SearchablePdf = 2,
}
