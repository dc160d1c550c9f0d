using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Intake.Imaging;

/// <summary>
/// Where OpenCvSharp's native library (libOpenCvSharpExtern.so, 113 MB) is found, and how quiet OpenCV is.
/// The build keeps one copy of it in artifacts/native/opencvsharp (Directory.Build.targets) instead of one beside
/// every test project's assemblies; a published host has it beside its own assemblies.
/// </summary>
internal static class OpenCvRuntime
{
    private const string LibraryName = "OpenCvSharpExtern";
    private const string FileName = "libOpenCvSharpExtern.so";

    /// <summary>Runs once, before any type of this assembly is used, so before OpenCvSharp is first called.</summary>
#pragma warning disable CA2255 // The resolver must be in place before OpenCvSharp's first P/Invoke, from any entry point of this library.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        NativeLibrary.SetDllImportResolver(typeof(Mat).Assembly, Resolve);
        // OpenCV's own warnings (a backend it tried, a codec it lacks) would otherwise reach the citizen's log on
        // stderr; our errors say what went wrong. ./intake also exports OPENCV_LOG_LEVEL=ERROR for the native side.
        Cv2.SetLogLevel(LogLevel.ERROR);
    }

    /// <summary>The runtime file the process loads: beside the host, or the build's shared copy above it.</summary>
    internal static string? Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 5; depth++, directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, FileName), Path.Combine(directory.FullName, "native", "opencvsharp", FileName) })
            {
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// System libraries that libOpenCvSharpExtern.so both links and bundles its own copies of, exporting them under the
    /// same names and symbol versions (libpng 1.6's PNG16_0, libjpeg's, zstd's, lz4's, xz's). Whichever loads such a
    /// library first decides where that library's calls into itself go: loaded as OpenCvSharp's dependency, the system
    /// libpng16 bound its internal calls to OpenCV's bundled libpng, and the next PNG Leptonica wrote for Tesseract (a
    /// searchable PDF) freed a struct the other copy had laid out ("double free or corruption"). Loaded here first, on
    /// their own, they bind to themselves, and OpenCV keeps using its own copies.
    /// </summary>
    private static readonly string[] SharedBeforeOpenCv = ["libpng16.so.16", "libjpeg.so.62", "libzstd.so.1", "liblz4.so.1", "liblzma.so.5"];

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return 0;
        foreach (var library in SharedBeforeOpenCv)
        {
            // kept loaded for the life of the process; one that is missing was not linked by OpenCvSharp's build either
            _ = NativeLibrary.TryLoad(library, out _);
        }
        var path = Locate();
        return path is not null && NativeLibrary.TryLoad(path, out var handle) ? handle : 0;
    }
}
