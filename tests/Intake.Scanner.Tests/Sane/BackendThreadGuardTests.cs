using System.Runtime.InteropServices;
using FluentAssertions;
using Intake.Scanner.Sane;

namespace Intake.Scanner.Tests.Sane;

/// <summary>
/// The preloaded guard (Scanner/native/src/backend_thread_guard.c) changes pthread_setcanceltype for
/// callers inside a SANE library only; SaneDeviceTests shows what it does for them.
/// </summary>
public sealed class BackendThreadGuardTests
{
    private const int CancelDeferred = 0;
    private const int CancelAsynchronous = 1;

    // What a backend binds to: the first pthread_setcanceltype in the global lookup scope.
    private static nint GlobalSetCancelType => NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "pthread_setcanceltype");

    [Fact]
    public void The_guard_comes_before_libc_in_the_test_host()
    {
        SaneSession.BackendThreadsGuarded.Should().BeTrue("./intake test preloads libintake_scanner.so");
        var libc = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "pthread_setcanceltype");
        GlobalSetCancelType.Should().NotBe(libc);
    }

    [Fact]
    public unsafe void Callers_outside_sane_keep_asynchronous_cancellation()
    {
        var setCancelType = (delegate* unmanaged<int, int*, int>)GlobalSetCancelType;
        // On a thread of its own, which nothing will ever pthread_cancel; the type is put back at once.
        var seen = -1;
        var thread = new Thread(() =>
        {
            int old;
            setCancelType(CancelAsynchronous, &old);
            setCancelType(CancelDeferred, &old);
            seen = old;
        });
        thread.Start();
        thread.Join();

        seen.Should().Be(CancelAsynchronous);
    }
}
