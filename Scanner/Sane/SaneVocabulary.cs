namespace Intake.Scanner.Sane;

/// <summary>
/// Backends name the same thing differently ("Color", "Colour", "24bit Color"; "ADF", "ADF Front",
/// "Automatic Document Feeder"). This maps our few concepts onto whatever list a backend offers:
/// an exact well-known name first, then the shortest offered name containing a telling word.
/// </summary>
public static class SaneVocabulary
{
    public static string? Mode(IEnumerable<string> offered, SaneScanMode mode) => mode switch
    {
        SaneScanMode.Color => Pick(offered, ["color", "colour"], ["color", "colour"], []),
        SaneScanMode.Gray => Pick(offered, ["gray", "grey", "grayscale", "greyscale"], ["gray", "grey"], []),
        _ => Pick(offered, ["lineart", "binary"], ["lineart", "line art", "binary", "black & white", "black and white", "monochrome"], []),
    };

    public static string? Source(IEnumerable<string> offered, PaperSource source) => source switch
    {
        PaperSource.Flatbed => Pick(offered, ["flatbed"], ["flatbed", "platen", "document table", "normal"], ["adf", "feeder"]),
        PaperSource.Adf => Pick(offered, ["adf", "automatic document feeder", "adf front", "adf simplex"], ["adf", "feeder"], ["duplex", "back", "rear"]),
        _ => Pick(offered, ["adf duplex", "duplex"], ["duplex"], []),
    };

    private static string? Pick(IEnumerable<string> offered, string[] exact, string[] contains, string[] exclude)
    {
        var names = offered.ToList();
        foreach (var wanted in exact)
        {
            var hit = names.FirstOrDefault(n => string.Equals(n.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
            if (hit is not null) return hit;
        }
        return names
            .Where(n => contains.Any(w => n.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Where(n => !exclude.Any(w => n.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(n => n.Length)
            .FirstOrDefault();
    }
}
