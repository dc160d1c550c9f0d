namespace Intake.Dossiers.Classification;

/// <summary>
/// What a page is: one of <see cref="DocumentTypes"/>, how sure the classifier is (0..1), the evidence it used,
/// and the page text, kept so an "other" page still carries what was read from it.
/// </summary>
public sealed record Classification(string Type, double Confidence, string Text, IReadOnlyList<string> Evidence);
