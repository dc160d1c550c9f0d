using System.Runtime.CompilerServices;
using Intake.Kiosk.Host.Processing;

namespace Intake.Kiosk.Host.Tests.Processing;

/// <summary>
/// Every `intake process` run by these tests takes its dossier numbers from a fresh state folder of this test run,
/// never from the machine's ~/.local/state/intake (or a kiosk's /var/lib/intake).
/// </summary>
internal static class TestStateDirectory
{
    public static string Path { get; private set; } = string.Empty;

    [ModuleInitializer]
    internal static void Initialise()
    {
        var folder = Directory.CreateTempSubdirectory("intake-state-test-").FullName;
        Path = folder;
        Environment.SetEnvironmentVariable(KioskStateDirectory.Variable, folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a temporary folder left behind is harmless
            }
        };
    }
}
