using Intake.Imaging;

namespace Intake.Kiosk.Host.Pipeline;

/// <summary>One page waiting to be read: who asked for it, its 0-based number, and how to decode it (called once, on the pipeline's decoding thread).</summary>
internal sealed record PageWork(object Owner, int Page, Func<Image> Decode);
