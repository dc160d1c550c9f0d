using System.Runtime.InteropServices;

namespace Intake.Imaging.Native;

/// <summary>The camera part of the C ABI (Imaging/native/include/intake_camera.h), and nothing else.</summary>
internal static unsafe partial class ImagingNative
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct CaptureInfo
    {
        public int Kind;
        public int Width;
        public int Height;
        public double FramesPerSecond;
        public int FrameCount;
        public fixed byte Backend[32];
    }

    [LibraryImport(Library, EntryPoint = "intake_capture_open_device", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CaptureOpenDevice(string devicePath, int width, int height, out CaptureHandle capture);

    [LibraryImport(Library, EntryPoint = "intake_capture_open_recording", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CaptureOpenRecording(string path, out CaptureHandle capture);

    [LibraryImport(Library, EntryPoint = "intake_capture_info_get")]
    internal static partial int CaptureInfoGet(CaptureHandle capture, out CaptureInfo info);

    [LibraryImport(Library, EntryPoint = "intake_capture_read")]
    internal static partial int CaptureRead(CaptureHandle capture, out ImageHandle image);

    [LibraryImport(Library, EntryPoint = "intake_capture_free")]
    internal static partial void CaptureFree(nint capture);
}
