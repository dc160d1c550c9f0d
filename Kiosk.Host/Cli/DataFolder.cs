using System.CommandLine;

namespace Intake.Kiosk.Host.Cli;

/// <summary>The data folder every kiosk and central verb shares: <c>--data DIR</c>, else $INTAKE_DATA, else ./data.</summary>
internal static class DataFolder
{
    public static Option<string> Option() => new("--data")
    {
        Description = "Thư mục dữ liệu / data folder (INTAKE_DATA, else ./data)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("INTAKE_DATA") is { Length: > 0 } env ? env : "data",
    };
}
