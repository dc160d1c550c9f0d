namespace Intake.Dossiers.Procedures;

/// <summary>An administrative procedure (TTHC) and the recognisable documents it requires; notes say what the officer checks by hand.</summary>
public sealed record Procedure(string Code, string Name, IReadOnlyList<string> RequiredDocuments, string? Notes)
{
    public ProcedureRef ToRef() => new(Code, Name);

    /// <summary>Each required document, ticked when one of the dossier's documents satisfies it.</summary>
    public IReadOnlyList<ChecklistItem> ChecklistFor(IEnumerable<Document> documents)
    {
        var types = documents.Select(d => d.Type).ToArray();
        return RequiredDocuments
            .Select(r => new ChecklistItem(r, types.Any(t => DocumentRequirement.IsSatisfiedBy(r, t))))
            .ToArray();
    }
}
