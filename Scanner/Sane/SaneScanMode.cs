namespace Intake.Scanner.Sane;

/// <summary>The three scan modes almost every backend offers, whatever it calls them.</summary>
public enum SaneScanMode
{
    Color,
    Gray,
    Lineart,
}
