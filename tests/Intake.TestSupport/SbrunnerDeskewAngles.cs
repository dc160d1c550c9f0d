namespace Intake.TestSupport;

/// <summary>
/// The angles sbrunner/deskew finds on its own test scans (corpus/deskew-sbrunner, SOURCES.md): a peer's
/// answer in our sign convention (the counter-clockwise correction), to compare within 0.5°.
/// </summary>
public static class SbrunnerDeskewAngles
{
    public static IEnumerable<object[]> Cases { get; } =
        new (int Number, double Degrees)[] { (1, -1), (2, -2), (3, -6), (4, 7), (5, 3), (6, -3), (7, 3), (8, 15) }
            .Select(c => new object[] { c.Number, c.Degrees }).ToArray();
}
