using System.CommandLine;
using System.Security.Cryptography;
using Intake.Sync.Upload;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// `intake enroll --central URL --token T`: makes this kiosk's ECDSA P-256 key pair, sends the public key with the
/// one-time token, and keeps the kiosk id and key in DATA/central/kiosk.json.
/// </summary>
internal static class EnrollVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var central = new Option<string>("--central") { Description = "Địa chỉ trung tâm / central URL", Required = true };
        var token = new Option<string>("--token") { Description = "Mã đăng ký một lần / one-time enrolment token", Required = true };
        var name = new Option<string?>("--name") { Description = "Tên ki-ốt / kiosk name" };
        var data = DataFolder.Option();
        var command = new Command("enroll", "Đăng ký ki-ốt với trung tâm / enrol this kiosk with the centre") { central, token, name, data };
        command.SetAction(async (parse, cancel) =>
        {
            var dataDir = Path.GetFullPath(parse.GetValue(data)!);
            if (!Uri.TryCreate(parse.GetValue(central), UriKind.Absolute, out var centralUrl) || centralUrl.Scheme is not ("http" or "https"))
            {
                error.WriteLine($"intake: địa chỉ trung tâm không hợp lệ / not a central URL: {parse.GetValue(central)}");
                return 2;
            }
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var http = new HttpClient { BaseAddress = centralUrl, Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                var kioskId = await CentralClient.EnrollAsync(http, parse.GetValue(token)!, key, parse.GetValue(name) ?? Environment.MachineName, cancel)
                    .ConfigureAwait(false);
                new KioskIdentity(http.BaseAddress!.ToString(), kioskId, Convert.ToBase64String(key.ExportPkcs8PrivateKey())).Save(dataDir);
                output.WriteLine($"intake: đã đăng ký / enrolled as {kioskId}");
                return 0;
            }
            catch (CentralException e)
            {
                error.WriteLine($"intake: không đăng ký được / enrolment failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
