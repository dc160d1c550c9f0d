namespace Intake.Pages;

/// <summary>One recognised word: its text (NFC), box in page pixels, confidence 0..1, and the line and block it belongs to.</summary>
public sealed record OcrWord(string Text, PixelRect Box, double Confidence, int Block, int Line);
