namespace Intake.Central.Kiosks;

/// <summary>
/// A blob name is a plain file name (page-001.png, dossier.pdf): no folder, no <c>..</c>, no control character, at most
/// 200 characters. The centre never builds a path from it (blob files are named by upload id), but the back office
/// serves it as a download name, so a name that could mean a folder is refused outright.
/// </summary>
public static class BlobNames
{
    public static bool IsSafe(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 200 && !name.Contains("..", StringComparison.Ordinal)
        && name.IndexOfAny(['/', '\\', ':']) < 0 && !name.Any(char.IsControl) && name[0] != '.';
}
