using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>
/// Whether libintake_scanner (Scanner/native) is preloaded into this process. Without it, SANE backends
/// built on sanei_thread run their reader threads with asynchronous cancellation, and a cancel that lands
/// while a reader is inside malloc or free deadlocks the process (native/src/backend_thread_guard.c).
/// Only LD_PRELOAD puts it ahead of libc: a library loaded later, even with RTLD_GLOBAL, comes after libc
/// in the global lookup scope. ./intake and deploy/intake-kiosk.service set LD_PRELOAD.
/// </summary>
internal static class BackendThreadGuard
{
    public static bool IsPreloaded { get; } =
        NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "intake_sane_threads_deferred", out _);
}
