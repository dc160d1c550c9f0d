using Intake.Scanner.Sane.Native;

namespace Intake.Scanner.Sane;

/// <summary>
/// Every SANE failure. The message says what a person at the kiosk can act on, Vietnamese first, then
/// English, then the operation and libsane's own wording for the technician.
/// </summary>
public sealed class SaneException : Exception
{
    public SaneException()
        : this(SaneStatus.IoError, "")
    {
    }

    public SaneException(string message)
        : base(message)
    {
        Status = SaneStatus.IoError;
        Operation = "";
    }

    public SaneException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = SaneStatus.IoError;
        Operation = "";
    }

    public SaneException(SaneStatus status, string operation)
        : base(Compose(Describe(status), operation, Technical(status)))
    {
        Status = status;
        Operation = operation;
    }

    private SaneException(SaneStatus status, string operation, string message, bool deviceMissing, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        Operation = operation;
        DeviceMissing = deviceMissing;
    }

    public SaneStatus Status { get; }

    /// <summary>What was being done: "sane_start on test:0", "set 'resolution' = 300".</summary>
    public string Operation { get; }

    /// <summary>The remembered scanner is not connected (not listed even after re-enumerating).</summary>
    public bool DeviceMissing { get; }

    /// <summary>The one place a status code becomes an exception; callers never compare codes.</summary>
    public static void ThrowIfFailed(SaneStatus status, string operation)
    {
        if (status != SaneStatus.Good) throw new SaneException(status, operation);
    }

    public static SaneException NotFound(string what, Exception? inner = null) => new(SaneStatus.Inval, what,
        Compose("Không tìm thấy máy quét, hãy kiểm tra cáp và nguồn / the scanner was not found, check its cable and power", what, null),
        deviceMissing: true, inner);

    public static SaneException NotSupported(string what) => new(SaneStatus.Unsupported, what,
        Compose(Describe(SaneStatus.Unsupported), what, null), deviceMissing: false);

    public static string Describe(SaneStatus status) => status switch
    {
        SaneStatus.Good => "Thành công / success",
        SaneStatus.Unsupported => "Máy quét không hỗ trợ thao tác này / the scanner does not support this",
        SaneStatus.Cancelled => "Đã hủy quét / the scan was cancelled",
        SaneStatus.DeviceBusy => "Máy quét đang bận, vui lòng thử lại / the scanner is busy, try again",
        SaneStatus.Inval => "Thiết lập hoặc yêu cầu không hợp lệ / invalid setting or request",
        SaneStatus.Eof => "Máy quét không gửi dữ liệu ảnh / the scanner sent no image data",
        SaneStatus.Jammed => "Kẹt giấy trong khay nạp / paper is jammed in the document feeder",
        SaneStatus.NoDocs => "Hết giấy trong khay nạp / the document feeder is empty",
        SaneStatus.CoverOpen => "Nắp máy quét đang mở / the scanner cover is open",
        SaneStatus.IoError => "Lỗi kết nối với máy quét / error communicating with the scanner",
        SaneStatus.NoMem => "Không đủ bộ nhớ / out of memory",
        SaneStatus.AccessDenied => "Không có quyền truy cập máy quét / access to the scanner was denied",
        SaneStatus.WarmingUp => "Đèn máy quét đang khởi động / the scanner lamp is warming up",
        SaneStatus.HardwareLocked => "Máy quét đang bị khóa vận chuyển / the scanner's transport lock is engaged",
        _ => "Lỗi máy quét / scanner error",
    };

    private static string? Technical(SaneStatus status)
    {
        try
        {
            return SaneNative.StatusText(status);
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    private static string Compose(string human, string operation, string? technical) =>
        (string.IsNullOrEmpty(operation), technical) switch
        {
            (true, null) => human,
            (true, _) => $"{human} ({technical})",
            (false, null) => $"{human} ({operation})",
            _ => $"{human} ({operation}: {technical})",
        };
}
