namespace Intake.Dossiers;

/// <summary>
/// What an extractor made of its input: a value when it succeeded, and the checks it ran either way.
/// Extractors never throw on bad input; a failure carries its reason as a failed <see cref="Check"/>.
/// </summary>
public sealed record Extraction<T>(bool Succeeded, T? Value, IReadOnlyList<Check> Checks)
{
    /// <summary>The first failed check's message when the extraction failed.</summary>
    public string? FailureReason => Succeeded ? null : Checks.FirstOrDefault(c => !c.Passed)?.Message;
}
