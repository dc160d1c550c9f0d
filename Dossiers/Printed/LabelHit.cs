namespace Intake.Dossiers.Printed;

/// <summary>A label found in a line, from its first word to just past its last.</summary>
internal sealed record LabelHit(FieldLabel Label, int FirstToken, int EndToken);
