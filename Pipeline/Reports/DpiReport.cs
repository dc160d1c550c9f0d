namespace Intake.Pipeline.Reports;

/// <summary>The resolution the page declared, the one used from then on, and whether it was estimated from the text size.</summary>
public sealed record DpiReport(double Declared, double Used, bool Estimated);
