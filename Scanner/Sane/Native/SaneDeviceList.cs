using System.Runtime.InteropServices;

namespace Intake.Scanner.Sane.Native;

/// <summary>Copies sane_get_devices' borrowed list into records before anything can invalidate it.</summary>
internal static unsafe class SaneDeviceList
{
    public static IReadOnlyList<SaneDeviceInfo> Read(bool localOnly)
    {
        SaneException.ThrowIfFailed(SaneNative.GetDevices(out var list, localOnly), "sane_get_devices");
        var devices = new List<SaneDeviceInfo>();
        for (var entry = list; list is not null && *entry is not null; entry++)
        {
            var device = *entry;
            devices.Add(new SaneDeviceInfo(Text(device->Name), Text(device->Vendor), Text(device->Model), Text(device->Type)));
        }
        return devices;
    }

    internal static string Text(nint utf8) => utf8 == 0 ? "" : Marshal.PtrToStringUTF8(utf8) ?? "";
}
