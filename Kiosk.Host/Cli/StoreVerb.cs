using System.CommandLine;
using System.Globalization;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake store check`: the integrity pass (every document readable, every dossier decrypts, every referenced file
/// present with the right hash). One line per problem; exit code 0 when all is well, 1 otherwise (a store that cannot
/// be opened at all is a failed check too).
/// </summary>
internal static class StoreVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("store", "Kho dữ liệu của ki-ốt / the kiosk's store");
        var store = new StoreCliOptions();
        var check = new Command("check", "Kiểm tra toàn vẹn / integrity check");
        store.AddTo(check);
        check.SetAction(parse =>
        {
            try
            {
                using var opened = StoreCliOptions.Open(store.Resolve(parse), error);
                var report = opened.Check();
                foreach (var problem in report.Problems)
                    error.WriteLine($"intake: {problem}");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Dossiers} phiên bản hồ sơ / dossier versions, {report.Blobs} tệp / files, {report.Problems.Count} lỗi / problems ({opened.DataDirectory})"));
                return report.Healthy ? 0 : 1;
            }
            catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"intake: {e.Message}");
                return 1;
            }
        });
        command.Subcommands.Add(check);
        return command;
    }
}
