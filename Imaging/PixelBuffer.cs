namespace Intake.Imaging;

/// <summary>
/// A borrowed view of an image's native pixel rows (8-bit grey or 3-byte colour), valid only inside
/// <see cref="Image.UsePixels{T}"/>. It exists so the OCR engine can read pages without a copy.
/// </summary>
public readonly record struct PixelBuffer(nint Data, int Width, int Height, int BytesPerPixel, int Stride);
