namespace Intake.Sync.Store;

/// <summary>
/// Where the store's data lives, for every verb that touches it: <c>--data DIR</c>, else <c>INTAKE_DATA</c>, else
/// <c>./data</c>. The systemd unit sets <c>INTAKE_DATA</c> to its <c>StateDirectory</c> (/var/lib/intake).
/// </summary>
public static class DataDirectoryResolver
{
    public const string Variable = "INTAKE_DATA";

    public static string Resolve(string? option) => Resolve(option, Environment.GetEnvironmentVariable(Variable));

    public static string Resolve(string? option, string? environment) =>
        Path.GetFullPath(option is { Length: > 0 } ? option : environment is { Length: > 0 } ? environment : "data");
}
