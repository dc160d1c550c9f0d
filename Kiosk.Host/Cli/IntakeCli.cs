namespace Intake.Kiosk.Host.Cli;

/// <summary>The `intake` command line: one verb per job.</summary>
internal static class IntakeCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("intake: chưa có lệnh / no verbs yet");
        return Task.FromResult(2);
    }
}
