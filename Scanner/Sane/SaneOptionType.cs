namespace Intake.Scanner.Sane;

/// <summary>SANE_Value_Type. FixedPoint values (16.16 in C) are handed out as doubles.</summary>
public enum SaneOptionType
{
    Bool = 0,
    WholeNumber = 1,
    FixedPoint = 2,
    Text = 3,
    Button = 4,
    Group = 5,
}
