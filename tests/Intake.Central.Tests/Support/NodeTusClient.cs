using System.Diagnostics;

namespace Intake.Central.Tests.Support;

/// <summary>
/// The third-party tus client: Node and the npm package tus-js-client 4.3.1, installed on first use (Debian's nodejs
/// and npm with apt-get when Node is missing; tus-js-client with npm into a cache folder under the temp directory).
/// </summary>
public static class NodeTusClient
{
    public const string Package = "tus-js-client@4.3.1";

    private static readonly Lazy<string> Modules = new(Install);

    public static string ModulesFolder => Modules.Value;

    /// <summary>Runs Tus/tus-upload.mjs; returns its standard output, trimmed.</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tus", "tus-upload.mjs"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["TUS_MODULES"] = ModulesFolder;
        return RunProcess(start).Trim();
    }

    private static string Install()
    {
        if (!OnPath("node") || !OnPath("npm")) AptInstall("nodejs", "npm");
        var folder = Path.Combine(Path.GetTempPath(), "intake-test-npm", "tus-js-client-4.3.1");
        var modules = Path.Combine(folder, "node_modules");
        if (File.Exists(Path.Combine(modules, "tus-js-client", "package.json"))) return modules;
        Directory.CreateDirectory(folder);
        var npm = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, Package }) npm.ArgumentList.Add(argument);
        RunProcess(npm);
        return modules;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

    private static void AptInstall(params string[] packages)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var apt = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { "install", "-y", "-q", "--no-install-recommends" }.Concat(packages)) apt.ArgumentList.Add(argument);
                apt.Environment["DEBIAN_FRONTEND"] = "noninteractive";
                RunProcess(apt);
                return;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                Thread.Sleep(TimeSpan.FromSeconds(5)); // apt locked by another install, or its lists are stale
                if (attempt == 0) RunProcess(new ProcessStartInfo("apt-get", "update -q") { RedirectStandardOutput = true, RedirectStandardError = true });
            }
        }
    }

    private static string RunProcess(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        return output.Result;
    }
}
