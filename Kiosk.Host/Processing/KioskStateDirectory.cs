namespace Intake.Kiosk.Host.Processing;

/// <summary>
/// Where the kiosk keeps its own small state (the dossier-code sequence): <c>INTAKE_STATE_DIR</c> when set; else the
/// folder systemd made for the service (<c>STATE_DIRECTORY</c>, from <c>StateDirectory=intake</c>: /var/lib/intake);
/// else <c>$XDG_STATE_HOME/intake</c>; else <c>~/.local/state/intake</c>.
/// </summary>
internal static class KioskStateDirectory
{
    public const string Variable = "INTAKE_STATE_DIR";

    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static string Resolve(Func<string, string?> environment, string home)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(Variable) is { Length: > 0 } explicitFolder)
        {
            return Path.GetFullPath(explicitFolder);
        }

        // systemd passes a colon-separated list when a unit names several state folders; ours is the first
        if (environment("STATE_DIRECTORY")?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } systemd)
        {
            return Path.GetFullPath(systemd);
        }

        // the XDG base-directory rules ignore a relative XDG_STATE_HOME
        if (environment("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "intake");
        }

        if (string.IsNullOrEmpty(home))
        {
            throw new InvalidOperationException($"Không biết lưu trạng thái ki-ốt ở đâu: đặt {Variable} / no home folder for the kiosk's state: set {Variable}");
        }

        return Path.Combine(home, ".local", "state", "intake");
    }
}
