using System.CommandLine;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake staff add --name NAME --role staff|technician`, `intake staff list`, `intake staff unlock --name NAME
/// [--new-pin]`: the desk's roster (<see cref="StaffDirectory"/>, sealed in the data folder). The PIN is read from the
/// first line of standard input, never from the command line (where `ps` and the shell history would keep it).
/// </summary>
internal static class StaffVerb
{
    public static Command Create(TextWriter output, TextWriter error, TextReader? input = null)
    {
        var store = new StoreCliOptions();
        var name = new Option<string>("--name") { Description = "Họ tên nhân viên / the member's name", Required = true };
        var role = new Option<string>("--role") { Description = "Vai trò / role: staff, technician", DefaultValueFactory = _ => StaffRoles.Staff };
        var add = new Command("add", "Thêm nhân viên; mã PIN đọc từ đầu vào chuẩn / add a member; the PIN is read from standard input") { name, role };
        store.AddTo(add);
        add.SetAction(parse => Run(error, () =>
        {
            var member = Roster(store, parse).Add(parse.GetValue(name)!, parse.GetValue(role)!, ReadPin(input));
            output.WriteLine($"intake: đã thêm / added {member.Name} ({member.Role})");
        }));

        var list = new Command("list", "Danh sách nhân viên / list the members");
        store.AddTo(list);
        list.SetAction(parse => Run(error, () =>
        {
            foreach (var member in Roster(store, parse).List())
                output.WriteLine($"{member.Name}\t{member.Role}\t{(member.Locked ? "đã khóa / locked" : "hoạt động / active")}");
        }));

        var unlockName = new Option<string>("--name") { Description = "Họ tên nhân viên / the member's name", Required = true };
        var newPin = new Option<bool>("--new-pin") { Description = "Đặt mã PIN mới đọc từ đầu vào chuẩn / also set a new PIN read from standard input" };
        var unlock = new Command("unlock", "Mở khóa tài khoản / unlock an account") { unlockName, newPin };
        store.AddTo(unlock);
        unlock.SetAction(parse => Run(error, () =>
        {
            Roster(store, parse).Unlock(parse.GetValue(unlockName)!, parse.GetValue(newPin) ? ReadPin(input) : null);
            output.WriteLine($"intake: đã mở khóa / unlocked {parse.GetValue(unlockName)}");
        }));

        return new Command("staff", "Nhân viên quầy / the desk's staff") { add, list, unlock };
    }

    private static StaffDirectory Roster(StoreCliOptions store, ParseResult parse) => new(store.Resolve(parse));

    private static string ReadPin(TextReader? input) => (input ?? Console.In).ReadLine()?.Trim() ?? string.Empty;

    private static int Run(TextWriter error, Action work)
    {
        try
        {
            work();
            return 0;
        }
        catch (Exception e) when (e is StaffException or StoreException or IOException)
        {
            error.WriteLine($"intake: {e.Message}");
            return IntakeCli.UsageError;
        }
    }
}
