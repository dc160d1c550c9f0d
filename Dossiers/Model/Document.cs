namespace Intake.Dossiers;

/// <summary>One recognised document in a dossier: its type (see <see cref="DocumentTypes"/>), where it is, and the fields read from it.</summary>
public sealed record Document(
    string Type,
    double TypeConfidence,
    IReadOnlyList<PageRegion> Regions,
    IReadOnlyDictionary<string, Field> Fields)
{
    public IReadOnlyList<int> PageIndexes => Regions.Select(r => r.PageIndex).Distinct().Order().ToArray();
}
