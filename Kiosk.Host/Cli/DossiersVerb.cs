using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake dossiers list [--json]`, `intake dossiers show CODE [--json]`, `intake dossiers export CODE --out DIR`:
/// what the kiosk's store holds. list names no personal data; show and export decrypt (show --json prints dossier.json
/// exactly as stored; export writes the package: dossier.json, the PDFs and the page images).
/// </summary>
internal static class DossiersVerb
{
    private static readonly JsonSerializerOptions ListJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("dossiers", "Hồ sơ trong kho của ki-ốt / dossiers in the kiosk's store");
        command.Subcommands.Add(List(output, error));
        command.Subcommands.Add(Show(output, error));
        command.Subcommands.Add(Export(output, error));
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var store = new StoreCliOptions();
        var json = new Option<bool>("--json") { Description = "In dạng JSON / print JSON" };
        var command = new Command("list", "Liệt kê hồ sơ / list the dossiers") { json };
        store.AddTo(command);
        command.SetAction(parse => WithStore(store.Resolve(parse), error, opened =>
        {
            var dossiers = opened.List();
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(dossiers.Select(d => new
                {
                    d.Id, d.Code, d.Version, Procedure = d.ProcedureCode, d.DocumentTypes, Pages = d.PageCount, d.CreatedAt, d.CommittedAt, Outbox = d.OutboxState,
                }), ListJson));
                return 0;
            }

            foreach (var d in dossiers)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{d.Code}  v{d.Version}  {d.OutboxState,-12}  {d.PageCount} trang / pages  {d.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm}  {string.Join(",", d.DocumentTypes)}"));
            }

            output.WriteLine($"{dossiers.Count} hồ sơ / dossiers");
            return 0;
        }));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var store = new StoreCliOptions();
        var code = new Argument<string>("code") { Description = "Mã hồ sơ / dossier code" };
        var json = new Option<bool>("--json") { Description = "In dossier.json / print dossier.json" };
        var command = new Command("show", "Xem một hồ sơ / show one dossier") { code, json };
        store.AddTo(command);
        command.SetAction(parse => WithStore(store.Resolve(parse), error, opened =>
        {
            var bytes = opened.ReadJson(parse.GetValue(code)!);
            if (parse.GetValue(json))
            {
                output.Write(System.Text.Encoding.UTF8.GetString(bytes));
                output.WriteLine();
                return 0;
            }

            var stored = opened.Find(parse.GetValue(code)!)!;
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            output.WriteLine($"Hồ sơ / dossier {stored.Code} v{stored.Version} ({stored.OutboxState})");
            if (root.GetProperty("procedure") is { ValueKind: JsonValueKind.Object } procedure)
                output.WriteLine($"Thủ tục / procedure {procedure.GetProperty("code").GetString()} {procedure.GetProperty("name").GetString()}");
            output.WriteLine($"Người số hóa / operator: {root.GetProperty("operator").GetString()}");
            foreach (var field in root.GetProperty("applicant").EnumerateObject())
                output.WriteLine($"  {field.Name}: {field.Value.GetProperty("value").GetString()}");
            foreach (var blob in stored.Blobs)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {blob.Name}  {blob.Length} B  {blob.Sha256}"));
            return 0;
        }));
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var store = new StoreCliOptions();
        var code = new Argument<string>("code") { Description = "Mã hồ sơ / dossier code" };
        var outDir = new Option<string>("--out") { Description = "Thư mục nhận hồ sơ đã giải mã / folder for the decrypted package", Required = true };
        var command = new Command("export", "Xuất hồ sơ đã giải mã / export the decrypted package") { code, outDir };
        store.AddTo(command);
        command.SetAction(parse => WithStore(store.Resolve(parse), error, opened =>
        {
            foreach (var path in opened.Export(parse.GetValue(code)!, parse.GetValue(outDir)!))
                output.WriteLine(path);
            return 0;
        }));
        return command;
    }

    /// <summary>Opens the store for one verb; refusals (in use, key missing, no such dossier) are one line and exit code 2.</summary>
    internal static int WithStore(StoreOptions options, TextWriter error, Func<DossierStore, int> work)
    {
        try
        {
            using var store = StoreCliOptions.Open(options, error);
            return work(store);
        }
        catch (Exception e) when (e is StoreException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"intake: {(e is KeyNotFoundException ? e.Message.Trim('\'', '"') : e.Message)}");
            return IntakeCli.UsageError;
        }
    }
}
