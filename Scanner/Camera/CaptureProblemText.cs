namespace Intake.Scanner.Camera;

/// <summary>What the preview screen tells the citizen for each <see cref="CaptureProblem"/>: Vietnamese first, then English.</summary>
public static class CaptureProblemText
{
    public static string Describe(CaptureProblem problem) => problem switch
    {
        CaptureProblem.None => "Giữ yên, đang chụp / hold still, capturing",
        CaptureProblem.NoDocument => "Đặt giấy tờ vào khung hình / place the document in view",
        CaptureProblem.TooSmall => "Đưa giấy tờ lại gần máy ảnh / bring the document closer",
        CaptureProblem.Blurred => "Ảnh bị mờ, giữ yên giấy tờ / the image is blurred, hold the document still",
        CaptureProblem.Glare => "Ảnh bị lóa, nghiêng giấy tờ một chút / glare on the document, tilt it slightly",
        CaptureProblem.Moving => "Giữ yên giấy tờ / keep the document still",
        _ => "Chưa chụp được / not captured yet",
    };
}
