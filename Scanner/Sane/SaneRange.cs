namespace Intake.Scanner.Sane;

/// <summary>A range constraint; Quant 0 means any value in [Min, Max].</summary>
public sealed record SaneRange(double Min, double Max, double Quant)
{
    /// <summary>The allowed value nearest to <paramref name="value"/>.</summary>
    public double Nearest(double value)
    {
        var clamped = Math.Clamp(value, Min, Max);
        if (Quant <= 0) return clamped;
        var steps = Math.Round((clamped - Min) / Quant);
        return Math.Min(Max, Min + steps * Quant);
    }
}
