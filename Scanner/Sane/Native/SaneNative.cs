using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>
/// The libsane (dll meta-backend) entry points, declared and nothing more. SANE_Bool and SANE_Int are
/// 32-bit; SANE_Fixed is 16.16 fixed point in an int.
/// </summary>
internal static unsafe partial class SaneNative
{
    private const string Library = "libsane.so.1";

    [LibraryImport(Library, EntryPoint = "sane_init")]
    public static partial SaneStatus Init(out int versionCode, nint authorize);

    [LibraryImport(Library, EntryPoint = "sane_exit")]
    public static partial void Exit();

    /// <summary>The list is a NULL-terminated array of SANE_Device pointers, valid until the next call.</summary>
    [LibraryImport(Library, EntryPoint = "sane_get_devices")]
    public static partial SaneStatus GetDevices(out SaneDeviceStruct** deviceList, [MarshalAs(UnmanagedType.Bool)] bool localOnly);

    [LibraryImport(Library, EntryPoint = "sane_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SaneStatus Open(string name, out SaneDeviceHandle handle);

    [LibraryImport(Library, EntryPoint = "sane_close")]
    public static partial void Close(nint handle);

    /// <summary>Returns NULL for an index past the last option. The descriptor stays owned by the backend.</summary>
    [LibraryImport(Library, EntryPoint = "sane_get_option_descriptor")]
    public static partial SaneOptionDescriptorStruct* GetOptionDescriptor(SaneDeviceHandle handle, int option);

    [LibraryImport(Library, EntryPoint = "sane_control_option")]
    public static partial SaneStatus ControlOption(SaneDeviceHandle handle, int option, SaneAction action, void* value, out SaneInfo info);

    [LibraryImport(Library, EntryPoint = "sane_get_parameters")]
    public static partial SaneStatus GetParameters(SaneDeviceHandle handle, out SaneParameters parameters);

    [LibraryImport(Library, EntryPoint = "sane_start")]
    public static partial SaneStatus Start(SaneDeviceHandle handle);

    [LibraryImport(Library, EntryPoint = "sane_read")]
    public static partial SaneStatus Read(SaneDeviceHandle handle, Span<byte> data, int maxLength, out int length);

    /// <summary>May be called from another thread while sane_read blocks; the read then ends (CANCELLED or EOF).</summary>
    [LibraryImport(Library, EntryPoint = "sane_cancel")]
    public static partial void Cancel(SaneDeviceHandle handle);

    [LibraryImport(Library, EntryPoint = "sane_set_io_mode")]
    public static partial SaneStatus SetIoMode(SaneDeviceHandle handle, [MarshalAs(UnmanagedType.Bool)] bool nonBlocking);

    /// <summary>A static string owned by libsane: never freed, so not marshalled as a returned string.</summary>
    [LibraryImport(Library, EntryPoint = "sane_strstatus")]
    private static partial byte* StrStatus(SaneStatus status);

    public static string StatusText(SaneStatus status) => Marshal.PtrToStringUTF8((nint)StrStatus(status)) ?? status.ToString();
}
