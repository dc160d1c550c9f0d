namespace Intake.Kiosk.Host.Pipeline;

/// <summary>How long one stage took on one page, and whether it changed the page.</summary>
internal sealed record StageTiming(string Stage, double Milliseconds, bool Changed);
