namespace Intake.Dossiers.Mrz;

/// <summary>What characters a check-digit-covered MRZ field may hold, which decides the repairs worth trying.</summary>
internal enum MrzFieldKind
{
    /// <summary>Letters or digits (a passport number): only letter/digit look-alikes are swapped.</summary>
    AlphaNumeric,

    /// <summary>
    /// Digits only: look-alike letters were already turned into digits, and the check digit holds only when every
    /// character is a digit (any other letter stays a failed check); look-alike digits are tried only with a witness.
    /// </summary>
    Numeric,

    /// <summary>A YYMMDD date: as numeric, and a candidate must also be a real date.</summary>
    Date,
}
