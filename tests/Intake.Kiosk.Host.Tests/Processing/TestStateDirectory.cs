using System.Runtime.CompilerServices;
using Intake.Kiosk.Host.Processing;

namespace Intake.Kiosk.Host.Tests.Processing;

/// <summary>
/// Every `intake process` run by these tests keeps its dossiers in a fresh store of this test run (INTAKE_DATA) and
/// its state in a fresh state folder, never in ./data, the machine's ~/.local/state/intake or a kiosk's /var/lib/intake.
/// </summary>
internal static class TestStateDirectory
{
    public static string Path { get; private set; } = string.Empty;

    /// <summary>The store's data folder every verb of this test run uses unless given --data.</summary>
    public static string DataPath { get; private set; } = string.Empty;

    [ModuleInitializer]
    internal static void Initialise()
    {
        var folder = Directory.CreateTempSubdirectory("intake-state-test-").FullName;
        Path = folder;
        Environment.SetEnvironmentVariable(KioskStateDirectory.Variable, folder);
        DataPath = System.IO.Path.Combine(folder, "data");
        Environment.SetEnvironmentVariable(Intake.Sync.Store.DataDirectoryResolver.Variable, DataPath);
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
