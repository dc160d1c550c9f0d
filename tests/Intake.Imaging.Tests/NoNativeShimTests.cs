using System.Reflection;
using System.Runtime.InteropServices;
using FluentAssertions;
using Intake.TestSupport;
using Xunit;

namespace Intake.Imaging.Tests;

/// <summary>
/// Issue 15: Imaging is C# over OpenCvSharp4; no C ABI of our own is left in it (the only native code of the
/// repository is Scanner's SANE thread guard).
/// </summary>
public sealed class NoNativeShimTests
{
    [Fact]
    public void The_imaging_assembly_declares_no_native_entry_point()
    {
        var imports = typeof(Image).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<DllImportAttribute>() is not null || m.Attributes.HasFlag(MethodAttributes.PinvokeImpl))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}");
        imports.Should().BeEmpty();
    }

    [Fact]
    public void The_only_native_source_folder_is_the_SANE_guard()
    {
        var folders = Directory.EnumerateFiles(RepoPaths.Root, "CMakeLists.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, Path.GetDirectoryName(f)!))
            .Where(f => !f.StartsWith("artifacts", StringComparison.Ordinal));
        folders.Should().BeEquivalentTo(["Scanner/native"]);
    }
}
