namespace Intake.Scanner;

/// <summary>Where the paper is: on the glass, or in the feeder (one side or both).</summary>
public enum PaperSource
{
    Flatbed,
    Adf,
    Duplex,
}
