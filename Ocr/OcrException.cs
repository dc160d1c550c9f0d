namespace Intake.Ocr;

/// <summary>Any failure of the OCR engine, with a message a person can act on (Vietnamese first, then English).</summary>
public sealed class OcrException(string message) : Exception(message);
