using System.Reflection;

namespace Intake.TestSupport;

/// <summary>Where the repository is (recorded when the tests were built), for tests that read its files or run its CLI.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(recorded) && System.IO.File.Exists(Path.Combine(recorded, "Intake.sln")))
            return Path.GetFullPath(recorded);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Intake.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Intake.sln not found above " + AppContext.BaseDirectory);
    }
}
