namespace Intake.Dossiers.Mrz;

/// <summary>One check digit of an MRZ: which field it covers, whether it holds, and whether a character had to be repaired for it to hold.</summary>
public sealed record MrzCheckDigitResult(string Field, bool Valid, bool Repaired);
