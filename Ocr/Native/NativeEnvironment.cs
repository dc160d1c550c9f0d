using System.Runtime.InteropServices;

namespace Intake.Ocr.Native;

/// <summary>
/// The process environment as native code sees it. .NET keeps its own copy of the environment on
/// Linux, so Environment.SetEnvironmentVariable never reaches libgomp; libc's setenv does.
/// </summary>
internal static partial class NativeEnvironment
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    /// <summary>Sets the variable unless it is already set, for both native code and .NET.</summary>
    public static void SetDefault(string name, string value)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) return;
        _ = SetEnv(name, value, 0);
        Environment.SetEnvironmentVariable(name, value);
    }
}
