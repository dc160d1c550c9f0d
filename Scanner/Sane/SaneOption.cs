namespace Intake.Scanner.Sane;

/// <summary>
/// One option as the backend describes it, copied out of native memory. At most one of Range, Words and
/// Strings is set (the descriptor's constraint). Size is in bytes; an Int or Fixed option larger than 4
/// bytes is an array.
/// </summary>
public sealed record SaneOption(
    int Index,
    string Name,
    string Title,
    string Description,
    SaneOptionType Type,
    SaneUnit Unit,
    int Size,
    SaneCapabilities Capabilities,
    SaneRange? Range,
    IReadOnlyList<double>? Words,
    IReadOnlyList<string>? Strings)
{
    public bool IsActive => (Capabilities & SaneCapabilities.Inactive) == 0;

    public bool IsSettable => (Capabilities & SaneCapabilities.SoftSelect) != 0;

    public bool IsArray => Type is SaneOptionType.WholeNumber or SaneOptionType.FixedPoint && Size > sizeof(int);
}
