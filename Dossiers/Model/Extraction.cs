namespace Intake.Dossiers;

/// <summary>Builds <see cref="Extraction{T}"/> results, so extractors say success or failure in one line.</summary>
public static class Extraction
{
    public static Extraction<T> Success<T>(T value, IReadOnlyList<Check>? checks = null) => new(true, value, checks ?? []);

    public static Extraction<T> Failure<T>(Check reason, IReadOnlyList<Check>? checks = null) =>
        new(false, default, [reason, .. checks ?? []]);
}
