using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>
/// Sets a variable in the C library's environment. On Linux, Environment.SetEnvironmentVariable only
/// changes .NET's own copy, so libsane's getenv("SANE_CONFIG_DIR") would never see it. libsane reads
/// SANE_CONFIG_DIR once, at the first sane_init, so set it before any scanner is touched. setenv is not
/// safe against a concurrent getenv on another thread: call it at start-up, before scanning threads exist.
/// </summary>
public static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (SetEnv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv({name}) failed: errno {Marshal.GetLastPInvokeError()}");
        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
