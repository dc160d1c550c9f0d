namespace Intake.Scanner.Sane.Native;

/// <summary>SANE_Constraint_Type: which member of the descriptor's constraint union is set.</summary>
internal enum SaneConstraintType
{
    None = 0,
    Range = 1,
    WordList = 2,
    StringList = 3,
}
