namespace Intake.Scanner;

/// <summary>What the page is captured as. Documents for OCR are fine in grey; photos and stamps want colour.</summary>
public enum ColorMode
{
    Color,
    Gray,
}
