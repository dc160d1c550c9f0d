namespace Intake.Imaging;

/// <summary>
/// Every imaging failure, with a message a person can act on: Vietnamese first, then English,
/// then the technical detail (ours, or OpenCV's).
/// </summary>
public sealed class ImagingException : Exception
{
    public ImagingException(ImagingError error, string detail)
        : base($"{Describe(error)}: {detail}")
    {
        Error = error;
        Detail = detail;
    }

    public ImagingError Error { get; }

    public string Detail { get; }

    private static string Describe(ImagingError error) => error switch
    {
        ImagingError.Io => "Không đọc được tệp / cannot read the file",
        ImagingError.Format => "Không phải tệp ảnh được hỗ trợ / not a supported image",
        ImagingError.Corrupt => "Tệp ảnh bị hỏng hoặc thiếu dữ liệu / the image is damaged or truncated",
        ImagingError.TooLarge => "Ảnh quá lớn / the image is too large",
        ImagingError.NoMemory => "Không đủ bộ nhớ / out of memory",
        ImagingError.Argument => "Tham số không hợp lệ / invalid argument",
        _ => "Lỗi xử lý ảnh / imaging error",
    };
}
