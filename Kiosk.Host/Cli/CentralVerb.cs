using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Intake.Central;
using Intake.Central.Fleet;
using Intake.Central.Storage;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake central …`: run and administer the central receiving service. Every sub-verb takes the same
/// <c>--db</c> (a PostgreSQL connection string or a SQLite path; default DATA/central.db) and <c>--data</c>.
/// </summary>
internal static class CentralVerb
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("central", "Dịch vụ tiếp nhận trung tâm / the central receiving service")
        {
            Serve(output),
            Token(output),
            List(output),
            Kiosks(output),
            Revoke(output, error),
            Operator(output),
        };
        return command;
    }

    private sealed record Common(Option<string> Data, Option<string?> Db)
    {
        public static Common Add(Command command)
        {
            var common = new Common(DataFolder.Option(),
                new Option<string?>("--db") { Description = "Chuỗi kết nối PostgreSQL hoặc tệp SQLite / PostgreSQL connection string or SQLite path" });
            command.Options.Add(common.Data);
            command.Options.Add(common.Db);
            return common;
        }

        public CentralOptions Options(ParseResult parse, string? urls = null) => new()
        {
            DataDirectory = Path.GetFullPath(parse.GetValue(Data)!),
            Db = parse.GetValue(Db),
            Urls = urls ?? "http://127.0.0.1:8090",
        };

        public CentralStore Store(ParseResult parse)
        {
            var database = CentralDatabase.Open(Options(parse).DbOrDefault);
            database.Migrate();
            return new CentralStore(database);
        }
    }

    private static Command Serve(TextWriter output)
    {
        var urls = new Option<string>("--urls") { Description = "Địa chỉ lắng nghe / listen URLs", DefaultValueFactory = _ => "http://127.0.0.1:8090" };
        var command = new Command("serve", "Chạy dịch vụ trung tâm / run the central service") { urls };
        var common = Common.Add(command);
        command.SetAction(async (parse, token) =>
        {
            await using var app = CentralApp.Build(common.Options(parse, parse.GetValue(urls)));
            await app.StartAsync(token).ConfigureAwait(false);
            output.WriteLine($"intake central: đang phục vụ tại / serving at {string.Join(", ", app.Urls)}");
            await app.WaitForShutdownAsync(token).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Token(TextWriter output)
    {
        var command = new Command("token", "In mã đăng ký một lần (24 giờ) / print a one-time enrolment token (24 h)");
        var common = Common.Add(command);
        command.SetAction(async parse =>
        {
            output.WriteLine(await common.Store(parse).CreateEnrolmentTokenAsync(TimeSpan.FromHours(24)).ConfigureAwait(false));
            return 0;
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "JSON" };
        var command = new Command("list", "Liệt kê hồ sơ đã nhận / list received dossiers") { json };
        var common = Common.Add(command);
        command.SetAction(async parse =>
        {
            var (_, items) = await common.Store(parse).SearchAsync(new DossierQuery(null, null, null, null, null, 1, int.MaxValue / 2)).ConfigureAwait(false);
            var rows = items.Select(d => new
            {
                d.Id, d.Code, procedure = d.ProcedureCode, pages = d.PageCount, files = d.BlobCount,
                allBlobsVerified = d.BlobCount == d.VerifiedBlobCount, d.KioskId, d.Receipt,
            }).ToList();
            if (parse.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(rows, Json));
            else
                foreach (var r in rows)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{r.Id}\t{r.Code}\t{r.procedure ?? "-"}\t{r.pages} trang/pages\t{(r.allBlobsVerified ? "đã kiểm / verified" : "CHƯA KIỂM / UNVERIFIED")}"));
            return 0;
        });
        return command;
    }

    private static Command Kiosks(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "JSON" };
        var command = new Command("kiosks", "Tình trạng các ki-ốt / fleet status (green < 2 min, amber < 24 h, red)") { json };
        var common = Common.Add(command);
        command.SetAction(async parse =>
        {
            var now = DateTimeOffset.UtcNow;
            var fleet = (await common.Store(parse).KiosksAsync().ConfigureAwait(false)).Select(k => FleetKiosk.From(k, now)).ToList();
            if (parse.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(fleet, Json));
            else
                foreach (var k in fleet)
                    output.WriteLine($"{k.Id}\t{k.Name ?? "-"}\t{(k.Revoked ? "revoked" : k.Status)}\t{k.LastSeenAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}");
            return 0;
        });
        return command;
    }

    private static Command Revoke(TextWriter output, TextWriter error)
    {
        var kiosk = new Argument<string>("KIOSK") { Description = "Mã ki-ốt / kiosk id" };
        var command = new Command("revoke", "Thu hồi ki-ốt / revoke a kiosk") { kiosk };
        var common = Common.Add(command);
        command.SetAction(async parse =>
        {
            var id = parse.GetValue(kiosk)!;
            if (!await common.Store(parse).RevokeAsync(id).ConfigureAwait(false))
            {
                error.WriteLine($"intake central: không có ki-ốt / no such kiosk: {id}");
                return 1;
            }
            output.WriteLine($"intake central: đã thu hồi / revoked {id}");
            return 0;
        });
        return command;
    }

    private static Command Operator(TextWriter output)
    {
        var name = new Argument<string>("NAME") { Description = "Tên cán bộ / operator name" };
        var add = new Command("add", "Tạo mã cán bộ (in một lần) / make an operator token (printed once)") { name };
        var common = Common.Add(add);
        add.SetAction(async parse =>
        {
            output.WriteLine(await common.Store(parse).AddOperatorAsync(parse.GetValue(name)!).ConfigureAwait(false));
            return 0;
        });
        return new Command("operator", "Cán bộ tra cứu / back-office operators") { add };
    }
}
