using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Tests.Browser;
using Intake.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Session;

/// <summary>
/// `intake serve` as the appliance runs it: its own process, no option but the port and the data folder (so the
/// embedded defaults: the bundled samples replayed, the in-process central). It prints the URL, the page there is the
/// citizen's screen in Vietnamese, a whole session over the API ends in a receipt, the logs are JSON lines naming no
/// one, and SIGTERM stops it cleanly (exit code 0) with the session wiped.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ServeProcessTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-serve-process-test-");

    [Fact]
    public async Task Serve_prints_its_url_runs_a_whole_session_on_its_defaults_and_stops_on_sigterm()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.FullName };
        foreach (var argument in new[] { typeof(IntakeCli).Assembly.Location, "serve", "--port", "0", "--data", Path.Combine(_folder.FullName, "data") })
            start.ArgumentList.Add(argument);
        using var serve = Process.Start(start)!;
        var lines = new List<string>();
        var urlFound = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null) return;
            lock (lines) lines.Add(line);
            if (line.StartsWith("intake: đang phục vụ tại / serving at ", StringComparison.Ordinal)) urlFound.TrySetResult(line.Split(' ')[^1].TrimEnd(','));
        }
        serve.OutputDataReceived += (_, e) => Collect(e.Data);
        serve.ErrorDataReceived += (_, e) => Collect(e.Data);
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            var url = await urlFound.Task.WaitAsync(TimeSpan.FromSeconds(120));
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(3) };
            var page = await http.GetStringAsync("/");
            page.Should().Contain("<html lang=\"vi\">").And.Contain("Chọn thủ tục");
            var kiosk = JsonDocument.Parse(await http.GetStringAsync("/api/kiosk")).RootElement;
            kiosk.GetProperty("scanner").GetString().Should().StartWith("replay:").And.EndWith("Samples");

            var created = await http.PostAsJsonAsync("/api/session", new { procedure = "1.001193" });
            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            for (var n = 0; n < 4; n++) (await http.PostAsync($"/api/session/{id}/scan", null)).EnsureSuccessStatusCode();
            var review = JsonDocument.Parse(await http.GetStringAsync($"/api/session/{id}/review")).RootElement;
            review.GetProperty("checklist").EnumerateArray().Should().OnlyContain(item => item.GetProperty("present").GetBoolean());
            var receipt = JsonDocument.Parse(await (await http.PostAsync($"/api/session/{id}/confirm", null)).Content.ReadAsStringAsync()).RootElement;
            var code = receipt.GetProperty("code").GetString();
            code.Should().StartWith("KIOSK-");
            // a second session with a page in flight when the service is told to stop
            (await http.DeleteAsync($"/api/session/{id}?reason=finished")).EnsureSuccessStatusCode();
            var second = JsonDocument.Parse(await (await http.PostAsJsonAsync("/api/session", new { procedure = "1.001193" })).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            (await http.PostAsync($"/api/session/{second}/scan", null)).EnsureSuccessStatusCode();

            ExternalTool.Run("kill", "-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            (await Task.Run(() => serve.WaitForExit(60_000))).Should().BeTrue("SIGTERM stops the service");
            serve.WaitForExit();
            serve.ExitCode.Should().Be(0);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }

        string[] logged;
        lock (lines) logged = [.. lines];
        foreach (var line in logged) log.WriteLine(line);
        var logs = logged.Where(l => !l.StartsWith("intake: ", StringComparison.Ordinal) && l.Length > 0).ToArray();
        logs.Should().NotBeEmpty();
        foreach (var line in logs) JsonDocument.Parse(line).RootElement.GetProperty("LogLevel").GetString().Should().NotBeNull(line);
        logs.Should().Contain(l => l.Contains("session ended: shutdown", StringComparison.Ordinal), "the session with a page in flight is wiped at shutdown");
        foreach (var personal in new[] { BundledSamples.Citizen.IdNumber, BundledSamples.Citizen.FullName, BundledSamples.Citizen.GivenName, BundledSamples.Citizen.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
            logs.Should().NotContain(l => l.Contains(personal, StringComparison.OrdinalIgnoreCase), $"logs name no one ({personal})");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
