using System.Diagnostics;
using FluentAssertions;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Sync.Store;
using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>`intake staff add` as its own process, the PIN piped into standard input as a technician would, never on the command line.</summary>
public sealed class StaffCliProcessTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-staff-cli-");

    [Fact]
    public async Task The_PIN_comes_from_standard_input_of_the_real_command()
    {
        var data = Path.Combine(_folder.FullName, "data");
        var (code, output, error) = await RunAsync("864209\n", "staff", "add", "--name", "Đỗ Thu Trang", "--role", "staff", "--data", data);
        code.Should().Be(0, error);
        output.Should().Contain("Đỗ Thu Trang");
        new StaffDirectory(new StoreOptions(data)).SignIn("Đỗ Thu Trang", "864209").Outcome.Should().Be(SignInOutcome.SignedIn);

        var empty = await RunAsync("", "staff", "add", "--name", "Vũ Hà", "--data", data);
        empty.Code.Should().Be(2);
        empty.Error.Should().Contain("Mã PIN phải gồm").And.Contain("the PIN must be");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var host = Path.Combine(RepoPaths.Root, "artifacts", "bin", "Intake.Kiosk.Host", "release", "Intake.Kiosk.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(host);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
