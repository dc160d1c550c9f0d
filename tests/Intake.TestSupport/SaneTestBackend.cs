using Intake.Scanner.Sane;
using Intake.Scanner.Sane.Native;

namespace Intake.TestSupport;

/// <summary>
/// SANE's own "test" backend in a private config directory. libsane reads SANE_CONFIG_DIR once, at the
/// first sane_init in the process, so the directory is created once and every SANE test shares it;
/// tests that rewrite it (unplug/replug) put it back before they finish. The scanner's tests and the
/// CLI's (`intake devices`, `intake scan`) use it alike.
/// </summary>
public static class SaneTestBackend
{
    private static readonly Lazy<string> Directory = new(Create);

    public static string ConfigDirectory => Directory.Value;

    public static void Ensure() => _ = Directory.Value;

    /// <summary>Writes dll.conf and test.conf: "plugging in" <paramref name="devices"/> test scanners.</summary>
    public static void Write(bool listed = true, int devices = 2)
    {
        var dir = ConfigDirectory;
        File.WriteAllText(Path.Combine(dir, "dll.conf"), listed ? "test\n" : "# test backend unplugged\n");
        File.WriteAllText(Path.Combine(dir, "test.conf"), $"number_of_devices {devices}\n");
    }

    private static string Create()
    {
        // Without the guard the test backend's reader threads are cancelled asynchronously, and about one
        // run of the Scanner tests in four deadlocked in malloc (Scanner/native/src/backend_thread_guard.c):
        // fail now, clearly.
        if (!SaneSession.BackendThreadsGuarded)
            throw new InvalidOperationException(
                "SANE tests need the backend-thread guard preloaded: run them with ./intake test, or set " +
                "LD_PRELOAD=artifacts/native/intake_scanner/libintake_scanner.so");
        var dir = Path.Combine(Path.GetTempPath(), $"intake-sane-{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "dll.conf"), "test\n");
        File.WriteAllText(Path.Combine(dir, "test.conf"), "number_of_devices 2\n");
        // No trailing colon: only this directory, never the machine's /etc/sane.d with real backends.
        NativeEnvironment.Set("SANE_CONFIG_DIR", dir);
        return dir;
    }
}
