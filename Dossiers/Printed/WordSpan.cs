using Intake.Pages;

namespace Intake.Dossiers.Printed;

/// <summary>An OCR word and the character span it occupies in its line's text.</summary>
internal sealed record WordSpan(OcrWord Word, int Start, int End);
