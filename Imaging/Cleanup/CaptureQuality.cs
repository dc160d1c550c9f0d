using OpenCvSharp;

namespace Intake.Imaging.Cleanup;

/// <summary>Scores camera frames so a blurred or glaring capture is retaken while the citizen is still there.</summary>
public static class CaptureQuality
{
    public static CaptureQualityReport Measure(Image frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return ImagingFailure.Guard(() => new CaptureQualityReport(Sharpness(frame), GlareFraction(frame)));
    }

    /// <summary>Focus: 0 (blurred) .. 1 (sharp), independent of contrast and image size.</summary>
    private static double Sharpness(Image frame)
    {
        // Measured at a fixed working size, where text strokes are a few pixels wide.
        var work = frame.Views.View(out _);
        using var laplacian = new Mat();
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Laplacian(work, laplacian, MatType.CV_32F, 3);
        Cv2.Sobel(work, gx, MatType.CV_32F, 1, 0, 3);
        Cv2.Sobel(work, gy, MatType.CV_32F, 0, 1, 3);
        Cv2.MeanStdDev(laplacian, out _, out var deviation);
        Cv2.Multiply(gx, gx, gx);
        Cv2.Multiply(gy, gy, gy);
        Cv2.Add(gx, gy, gx);
        var gradientEnergy = Cv2.Mean(gx).Val0;
        if (gradientEnergy < 1.0) return 0; // a flat frame (lens cap, blank wall) has nothing in focus
        // Both energies scale with contrast squared, so their ratio does not; blur removes the second derivative faster
        // than the first, so the ratio falls with defocus.
        var ratio = deviation.Val0 * deviation.Val0 / gradientEnergy;
        return ratio / (ratio + 0.25);
    }

    /// <summary>
    /// The share of the image that is clipped white in blobs (specular glare), 0..1. Meant for camera frames: a scanner's
    /// paper white may legitimately be clipped.
    /// </summary>
    private static double GlareFraction(Image frame)
    {
        CleanupSteps.Shrink(frame.Mat, 1000, out var work);
        using (work)
        {
            // Clipped means every channel at the top of the range.
            using var lowest = new Mat();
            if (work.Channels() == 1)
            {
                work.CopyTo(lowest);
            }
            else
            {
                var channels = work.Split();
                try
                {
                    Cv2.Min(channels[0], channels[1], lowest);
                    Cv2.Min(lowest, channels[2], lowest);
                }
                finally
                {
                    foreach (var channel in channels) channel.Dispose();
                }
            }
            using var clipped = new Mat();
            Cv2.Compare(lowest, 250, clipped, CmpTypes.GE);
            // Glare is a patch, not scattered pixels of white paper.
            using (var element = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(5, 5)))
                Cv2.MorphologyEx(clipped, clipped, MorphTypes.Open, element);
            using var components = CleanupSteps.Label(clipped);
            var minArea = 0.0005 * work.Cols * work.Rows;
            double glare = 0;
            for (var i = 1; i < components.Count; i++)
            {
                if (components.Area(i) >= minArea) glare += components.Area(i);
            }
            return glare / ((double)work.Cols * work.Rows);
        }
    }
}
