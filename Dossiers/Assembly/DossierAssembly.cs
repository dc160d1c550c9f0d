namespace Intake.Dossiers.Assembly;

/// <summary>The assembled dossier and, for each of its documents (same order), the indexes of the pieces it was read from.</summary>
public sealed record DossierAssembly(Dossier Dossier, IReadOnlyList<IReadOnlyList<int>> DocumentPieces);
