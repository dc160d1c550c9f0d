using Intake.Pages;

namespace Intake.Dossiers.Classification;

/// <summary>
/// Whether a page has the size of an ID-1 card (85.6 × 54 mm). With a known resolution the physical size decides;
/// without one only the aspect ratio (≈ 1.585) can, which is weaker evidence.
/// </summary>
internal static class CardShape
{
    public static (bool CardSized, bool PageSized, bool Measured) Of(int width, int height, double dpi)
    {
        if (width <= 0 || height <= 0)
        {
            return (false, false, false);
        }

        var aspect = (double)Math.Max(width, height) / Math.Min(width, height);
        var cardAspect = Math.Abs(aspect - Id1Card.Aspect) < 0.12;
        if (dpi <= 0 || double.IsNaN(dpi))
        {
            return (cardAspect, false, false);
        }

        var longMm = Math.Max(width, height) / dpi * 25.4;
        var shortMm = Math.Min(width, height) / dpi * 25.4;
        var cardSized = cardAspect && Near(longMm, Id1Card.LongMm) && Near(shortMm, Id1Card.ShortMm);
        return (cardSized, shortMm > 120, true);
    }

    private static bool Near(double mm, double expected) => Math.Abs(mm - expected) <= expected * 0.15;
}
