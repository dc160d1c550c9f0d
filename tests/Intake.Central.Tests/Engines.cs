namespace Intake.Central.Tests;

/// <summary>Every central test that takes an engine runs on both: the embedded default and the province's database.</summary>
public static class Engines
{
    public static TheoryData<string> Both => new() { "sqlite", "postgres" };
}
