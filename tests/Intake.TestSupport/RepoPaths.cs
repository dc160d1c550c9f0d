namespace Intake.TestSupport;

/// <summary>Where the repository is, for tests that run the built CLI or read its files.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Intake.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Intake.sln not found above " + AppContext.BaseDirectory);
    }
}
