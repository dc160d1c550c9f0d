using System.Runtime.CompilerServices;
using Intake.Bench.PageGenerator;

namespace Intake.Kiosk.Host.Tests;

/// <summary>
/// PDFsharp takes one font resolver per process, and the first one installed wins. The bench's page generator
/// (our fixtures) installs its own; doing that once, before any test draws a page, keeps every test's pages the same
/// whatever order the tests run in.
/// </summary>
internal static class PageGeneratorFonts
{
    [ModuleInitializer]
    internal static void InstallFirst() => _ = VietnamesePage.Compose(["Khởi động phông / font warm-up"]);
}
