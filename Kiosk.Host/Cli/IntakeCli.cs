using System.CommandLine;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// The `intake` command line: one verb per job. Usage errors (unknown option, missing argument) print
/// one line each and exit with 2, like every other refused input.
/// </summary>
internal static class IntakeCli
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Intake: tiếp nhận hồ sơ giấy tại ki-ốt / paper intake for the one-stop kiosk")
        {
            OcrVerb.Create(output, error),
            ServeVerb.Create(output, error),
            DevicesVerb.Create(output, error),
            ScanVerb.Create(output, error),
            ProcessVerb.Create(output, error),
            DossiersVerb.Create(output, error),
            StoreVerb.Create(output, error),
            ScanOverlapBenchVerb.Create(output, error),
            CentralVerb.Create(output, error),
            EnrollVerb.Create(output, error),
            SyncVerb.Create(output, error),
            StaffVerb.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                error.WriteLine($"intake: lệnh không hợp lệ / usage error: {problem.Message}");
            return UsageError;
        }
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
