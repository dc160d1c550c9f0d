using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentAssertions;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Sync.Tests.Store;

/// <summary>
/// Issue 11, durability: every commit is followed by an fsync of LiteDB's log (and data) file before it returns, seen
/// by strace in a child process that commits; and while one process holds the store a second gets the in-use error.
/// </summary>
public sealed partial class StoreDurabilityTests : IDisposable
{
    private const int Commits = 5;
    private readonly StoreFolder _folder = new();

    [Fact]
    public void Each_commit_fsyncs_the_log_and_data_file_before_it_returns()
    {
        File.Exists("/usr/bin/strace").Should().BeTrue("./intake test installs strace (TEST_PACKAGES)");
        var trace = Path.Combine(_folder.Path, "strace.txt");
        var data = Path.Combine(_folder.Path, "data");
        using var child = Process.Start(Driver.StartInfo("strace", "-f", "-y", "-e", "trace=fsync,fdatasync,write,pwrite64", "-o", trace,
            "dotnet", Driver.Dll, "commit-n", data, $"{Commits}", "65536"))!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        child.ExitCode.Should().Be(0, child.StandardError.ReadToEnd());
        output.Split('\n').Count(l => l.StartsWith("OK ", StringComparison.Ordinal)).Should().Be(Commits);

        // between one commit's "OK" line and the next: LiteDB writes its log, then we fsync log and data, then print
        var events = File.ReadLines(trace).Select(Classify).Where(e => e is not null).ToList();
        var segments = new List<List<string>> { new() };
        foreach (var e in events)
        {
            if (e == "ok") segments.Add([]);
            else segments[^1].Add(e!);
        }

        segments.Should().HaveCount(Commits + 1);
        foreach (var segment in segments.Take(Commits))
        {
            var lastLogWrite = segment.LastIndexOf("write-log");
            lastLogWrite.Should().BeGreaterThanOrEqualTo(0, "each commit writes LiteDB's log");
            segment.Skip(lastLogWrite).Should().ContainInOrder("fsync-log", "fsync-data");
        }
    }

    [Fact]
    public void A_second_process_gets_the_in_use_error_while_the_first_holds_the_store()
    {
        using var holder = Process.Start(Driver.StartInfo("dotnet", Driver.Dll, "hold", _folder.Path))!;
        holder.StandardOutput.ReadLine().Should().Be("HELD", holder.HasExited ? holder.StandardError.ReadToEnd() : "");

        var second = () => DossierStore.Open(_folder.Options);
        second.Should().Throw<StoreInUseException>()
            .Which.Message.Should().Be($"kho dữ liệu đang được tiến trình {holder.Id} sử dụng ({Path.Combine(_folder.Path, "store.lock")}) / the store is in use by process {holder.Id} ({Path.Combine(_folder.Path, "store.lock")})");

        holder.StandardInput.Close();
        holder.WaitForExit();
        using var store = DossierStore.Open(_folder.Options);
        store.List().Should().BeEmpty();
    }

    [Fact]
    public void A_second_opener_in_the_same_process_is_refused_too()
    {
        using var first = _folder.Open();
        var second = () => _folder.Open();
        second.Should().Throw<StoreInUseException>().Which.ProcessId.Should().Be(Environment.ProcessId);
    }

    public void Dispose() => _folder.Dispose();

    private static string? Classify(string line)
    {
        if (OkWrite().IsMatch(line)) return "ok";
        if (line.Contains("pwrite64(", StringComparison.Ordinal) && line.Contains("intake-log.db>", StringComparison.Ordinal)) return "write-log";
        if (Fsync().Match(line) is { Success: true } fsync)
            return fsync.Groups["file"].Value switch { "intake-log.db" => "fsync-log", "intake.db" => "fsync-data", _ => null };
        return null;
    }

    [GeneratedRegex(@"\bwrite\(\d+<pipe:\[\d+\]>, ""OK ")]
    private static partial Regex OkWrite();

    [GeneratedRegex(@"\bf(?:data)?sync\(\d+<[^>]*/(?<file>[^/>]+)>\)")]
    private static partial Regex Fsync();
}
