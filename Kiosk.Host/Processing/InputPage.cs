using Intake.Imaging;

namespace Intake.Kiosk.Host.Processing;

/// <summary>One physical page of the inputs, in order: where it came from and how to decode it when its turn comes.</summary>
internal sealed record InputPage(string Source, int PageInSource, Func<Image> Decode);
