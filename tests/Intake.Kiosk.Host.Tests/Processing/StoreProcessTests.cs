using System.Globalization;
using System.Text;
using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Kiosk.Host.Tests.Cli;
using Intake.Sync.Store;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.Processing;

/// <summary>
/// Issue 11 through the real `intake process` on synthetic card scans: the store and `--out` hold the same dossier
/// (same dossier.json, same PDF bytes); no file of the data folder holds the applicant's name, ID number or date of
/// birth in any form; `intake dossiers list/show/export` and `intake store check` (exit 1 on a missing file); without
/// the key file, a clear "key missing".
/// </summary>
public sealed class StoreProcessTests(ITestOutputHelper log) : IDisposable
{
    private readonly ProcessInputFolder _folder = new("intake-store-process-test-");

    [Fact]
    public async Task Process_commits_what_out_writes_and_nothing_personal_is_in_clear()
    {
        var citizen = SyntheticCitizen.Create(1107);
        var (front, back) = _folder.WriteCardScans(citizen);
        var outDir = Path.Combine(_folder.FullName, "out");
        var data = Path.Combine(_folder.FullName, "data");

        var run = await CliRun.Of("process", front, back, "--out", outDir, "--data", data, "--kiosk", "K11", "--operator", "Lê Thị Hồng");
        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);

        var list = await CliRun.Of("dossiers", "list", "--data", data);
        list.ExitCode.Should().Be(0, list.Error);
        var code = list.Output.Split('\n')[0].Split(' ')[0];
        code.Should().StartWith("K11-");

        // the same dossier in the store as in --out: dossier.json and every PDF byte for byte
        var show = await CliRun.Of("dossiers", "show", code, "--json", "--data", data);
        show.Output.TrimEnd('\n').Should().Be(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(outDir, "dossier.json"))));
        var exported = Path.Combine(_folder.FullName, "export");
        (await CliRun.Of("dossiers", "export", code, "--out", exported, "--data", data)).ExitCode.Should().Be(0);
        foreach (var file in Directory.GetFiles(outDir))
            File.ReadAllBytes(Path.Combine(exported, Path.GetFileName(file))).Should().Equal(File.ReadAllBytes(file), Path.GetFileName(file));
        Directory.GetFiles(exported, "page-*.jpg").Should().HaveCount(2, "the store also keeps the scanned pages");

        // nothing personal in clear anywhere under the data folder
        var forms = PersonalForms(citizen);
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var form in forms)
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)).Should().Be(-1, $"{Path.GetFileName(file)} must not hold '{form}'");
        }

        // the integrity pass: healthy, then a referenced file missing is exit code 1 naming it
        (await CliRun.Of("store", "check", "--data", data)).ExitCode.Should().Be(0);
        var blob = Directory.GetFiles(Path.Combine(data, "blobs"))[0];
        File.Delete(blob);
        var check = await CliRun.Of("store", "check", "--data", data);
        check.ExitCode.Should().Be(1);
        check.Error.Should().Contain("missing file").And.Contain(Path.GetFileName(blob));

        File.Delete(Path.Combine(data, "store.key"));
        var keyless = await CliRun.Of("dossiers", "list", "--data", data);
        keyless.ExitCode.Should().Be(2);
        keyless.Error.Should().Contain("thiếu khóa mã hóa").And.Contain("is missing");
    }

    public void Dispose() => _folder.Dispose();

    private static List<string> PersonalForms(SyntheticCitizen citizen)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var forms = new List<string>();
        foreach (var name in new[] { citizen.FullName, citizen.FullName.ToUpper(vi), citizen.FullName.ToLower(vi) })
        {
            forms.Add(name.Normalize(NormalizationForm.FormC));
            forms.Add(name.Normalize(NormalizationForm.FormD));
            var bare = new string(name.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
            forms.Add(bare.Replace('đ', 'd').Replace('Đ', 'D'));
        }

        forms.Add(citizen.IdNumber);
        forms.Add(citizen.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        forms.Add(citizen.DateOfBirth.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
        forms.Add(citizen.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return forms;
    }
}
