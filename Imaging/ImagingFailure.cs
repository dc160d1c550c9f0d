using OpenCvSharp;

namespace Intake.Imaging;

/// <summary>The one place an OpenCV or allocation failure becomes an <see cref="ImagingException"/>: callers never see OpenCvSharp's own.</summary>
internal static class ImagingFailure
{
    public static ImagingException Of(ImagingError error, string detail) => new(error, detail);

    /// <summary>Runs <paramref name="body"/>, turning OpenCV's exceptions and exhausted memory into imaging errors.</summary>
    public static T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (OpenCVException e)
        {
            throw new ImagingException(ImagingError.Internal, $"OpenCV: {e.Message}");
        }
        catch (OpenCvSharpException e)
        {
            throw new ImagingException(ImagingError.Internal, $"OpenCV: {e.Message}");
        }
        catch (OutOfMemoryException)
        {
            throw new ImagingException(ImagingError.NoMemory, "out of memory");
        }
    }
}
