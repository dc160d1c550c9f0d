using System.CommandLine;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Cli;

/// <summary>The <c>--data</c> option of the kiosk and central verbs: the folder given, else INTAKE_DATA, else ./data (<see cref="DataDirectoryResolver"/>).</summary>
internal static class DataFolder
{
    public static Option<string> Option() => new("--data")
    {
        Description = $"Thư mục dữ liệu / data folder ({DataDirectoryResolver.Variable}, else ./data)",
        DefaultValueFactory = _ => DataDirectoryResolver.Resolve(null),
    };
}
