using Intake.Imaging;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>One page waiting to be read: who asked for it, its 0-based number, and how to decode it (called once, on the pipeline's decoding thread).</summary>
public sealed record PageWork(object Owner, int Page, Func<Image> Decode);
