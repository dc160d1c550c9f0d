using System.Reflection;
using System.Runtime.InteropServices;
using FluentAssertions;
using Intake.Pages;

namespace Intake.Dossiers.Tests.Model;

/// <summary>
/// The domain knows meaning, not engines: Intake.Dossiers references no OCR engine, no imaging operation and not the
/// page pipeline, only the value types of Intake.Pages (and PDFsharp for its packages); and Intake.Pages holds values
/// only, with no native code behind them.
/// </summary>
public sealed class DomainReferencesTests
{
    [Fact]
    public void Dossiers_references_no_engine_and_no_imaging_operation()
    {
        var intake = typeof(Dossier).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Intake.", StringComparison.Ordinal))
            .ToArray();

        intake.Should().BeEquivalentTo(["Intake.Pages"]);
    }

    [Fact]
    public void Pages_holds_values_without_native_code()
    {
        var pages = typeof(PageText).Assembly;
        pages.GetReferencedAssemblies().Select(a => a.Name!).Should().NotContain(n => n.StartsWith("Intake.", StringComparison.Ordinal));
        foreach (var type in pages.GetTypes())
        {
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
            fields.Should().NotContain(f => f.FieldType == typeof(IntPtr) || typeof(SafeHandle).IsAssignableFrom(f.FieldType), type.FullName);
            type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Should().NotContain(m => m.GetCustomAttribute<DllImportAttribute>() != null || m.GetCustomAttribute<LibraryImportAttribute>() != null, type.FullName);
        }
    }
}
