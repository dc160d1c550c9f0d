using System.Globalization;
using Intake.Kiosk.Host.Hardware;
using Intake.Kiosk.Host.Hardware.Gpio;
using Intake.Kiosk.Host.Hardware.Printer;
using Intake.Sync.Store;
using Intake.Sync.Upload;
using Microsoft.Extensions.Options;

namespace Intake.Kiosk.Host.Health;

/// <summary>
/// Answers /readyz: can this kiosk take a citizen's papers and deliver them now? Required: a scanner, a camera, the
/// store's folder, disk above the store's reserve, an outbox not stuck (oldest entry younger than
/// <see cref="MaxOutboxAge"/>), the central service enrolled and answering. Reported but never blocking: the GPIO
/// status light (a kiosk works without its lamp) and the receipt printer (receipts fall back to PDF).
/// Device probes come from <see cref="DeviceWatch"/>'s last pass; the centre is asked at most every 15 s.
/// </summary>
internal sealed class ReadinessProbe(KioskVitals vitals, KioskDataFolder data, DeviceWatch devices, StatusLight light, IOptions<HardwareOptions> hardware, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxOutboxAge = TimeSpan.FromHours(24);
    private static readonly TimeSpan CentralCacheFor = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _centralGate = new(1, 1);
    private (DateTimeOffset At, ReadinessCheck Check)? _central;

    public void Dispose() => _centralGate.Dispose();

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var checks = new List<ReadinessCheck>
        {
            Scanner(),
            Camera(),
            Store(),
            Disk(),
            Outbox(now),
            await CentralAsync(now, cancellationToken).ConfigureAwait(false),
            Gpio(),
            Printer(),
        };
        return new Readiness(checks.All(c => c.Ok || !c.Required), now, checks);
    }

    private ReadinessCheck Scanner()
    {
        var state = vitals.Scanner;
        return new ReadinessCheck("scanner", state.IsReady, true, state.IsReady ? $"Sẵn sàng / ready: {state.Device}" : state.Problem ?? state.Name);
    }

    private ReadinessCheck Camera()
    {
        var cameras = devices.Cameras;
        return cameras.Count > 0
            ? new ReadinessCheck("camera", true, true, $"Sẵn sàng / present: {string.Join(", ", cameras)}")
            : new ReadinessCheck("camera", false, true, "Không thấy máy ảnh (/dev/video*) / no camera found (/dev/video*)");
    }

    private ReadinessCheck Store()
    {
        if (vitals.Outbox is not null) return new ReadinessCheck("store", true, true, "Kho đang mở / the store is open");
        var folder = data.Path;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".readyz-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return new ReadinessCheck("store", true, true, $"Thư mục dữ liệu ghi được / data folder writable: {folder}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadinessCheck("store", false, true, $"Không ghi được thư mục dữ liệu / cannot write the data folder {folder}: {e.Message}");
        }
    }

    private ReadinessCheck Disk()
    {
        var free = DiskSpace.FreeBytes(data.Path);
        try
        {
            DossierStore.EnsureRoom(new StoreOptions(data.Path));
            return new ReadinessCheck("disk", true, true, string.Create(CultureInfo.InvariantCulture, $"Còn trống / free: {free >> 20} MiB"));
        }
        catch (StoreException e)
        {
            return new ReadinessCheck("disk", false, true, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadinessCheck("disk", false, true, $"Không đọc được dung lượng đĩa / cannot read the disk's free space: {e.Message}");
        }
    }

    private ReadinessCheck Outbox(DateTimeOffset now)
    {
        if (vitals.ReadOutbox(now) is not { } outbox)
            return new ReadinessCheck("outbox", true, true, "Chưa mở hàng đợi gửi (chưa đăng ký) / no outbox open (not enrolled)");
        var age = TimeSpan.FromSeconds(outbox.OldestAgeSeconds ?? 0);
        var detail = string.Create(CultureInfo.InvariantCulture, $"{outbox.Backlog} hồ sơ chờ gửi, cũ nhất {age.TotalHours:0.0} giờ / {outbox.Backlog} waiting, oldest {age.TotalHours:0.0} h");
        return age <= MaxOutboxAge
            ? new ReadinessCheck("outbox", true, true, detail)
            : new ReadinessCheck("outbox", false, true, $"Hồ sơ chờ gửi quá {MaxOutboxAge.TotalHours} giờ / undelivered for over {MaxOutboxAge.TotalHours} h: {detail}");
    }

    private async Task<ReadinessCheck> CentralAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (KioskIdentity.Load(data.Path) is not { } identity)
            return new ReadinessCheck("central", false, true, "Ki-ốt chưa đăng ký với trung tâm (intake enroll) / the kiosk is not enrolled (intake enroll)");
        await _centralGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_central is { } cached && now - cached.At < CentralCacheFor) return cached.Check;
            var check = await AskCentralAsync(identity.CentralUrl, cancellationToken).ConfigureAwait(false);
            _central = (now, check);
            return check;
        }
        finally
        {
            _centralGate.Release();
        }
    }

    private static async Task<ReadinessCheck> AskCentralAsync(string centralUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(centralUrl), Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new ReadinessCheck("central", true, true, $"Trung tâm trả lời / the centre answers: {centralUrl}")
                : new ReadinessCheck("central", false, true, $"Trung tâm trả lời lỗi / the centre answered {(int)response.StatusCode}: {centralUrl}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new ReadinessCheck("central", false, true, $"Không liên lạc được trung tâm / the centre is unreachable ({centralUrl}): {e.Message}");
        }
    }

    private ReadinessCheck Gpio() => light.HasPanel
        ? new ReadinessCheck("gpio", true, false, $"Đèn và cảm biến giấy trên chip {hardware.Value.Gpio.Chip} / light and paper sensor on chip {hardware.Value.Gpio.Chip}")
        : new ReadinessCheck("gpio", false, false, light.Problem ?? "?");

    private ReadinessCheck Printer()
    {
        var device = hardware.Value.Printer.Device;
        return ReceiptPrinter.DeviceReady(device)
            ? new ReadinessCheck("printer", true, false, $"Máy in biên nhận / receipt printer: {device}")
            : new ReadinessCheck("printer", false, false, $"Không thấy máy in {device}: biên nhận sẽ là PDF / printer {device} missing: receipts fall back to PDF");
    }
}
