using Intake.Scanner.Sane.Native;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>
/// SANE's "test" backend in a private config directory, for running `intake devices` and `intake scan`
/// in this process. libsane reads SANE_CONFIG_DIR once, at the first sane_init of the process, and only
/// from the C library's environment, so it is set there (NativeEnvironment) before any SANE call.
/// </summary>
public sealed class SaneTestBackendForCli
{
    private static readonly Lazy<string> Directory = new(Create);

    public SaneTestBackendForCli() => _ = Directory.Value;

    public string ConfigDirectory => Directory.Value;

    private static string Create()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"intake-sane-cli-{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "dll.conf"), "test\n");
        File.WriteAllText(Path.Combine(dir, "test.conf"), "number_of_devices 1\n");
        // No trailing colon: only this directory, never the machine's /etc/sane.d with real backends.
        NativeEnvironment.Set("SANE_CONFIG_DIR", dir);
        return dir;
    }
}
