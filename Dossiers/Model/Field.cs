using Intake.Pages;
using System.Text;

namespace Intake.Dossiers;

/// <summary>
/// One value read from a document, with how sure we are (0..1), where it came from, and where it sits on the page.
/// The value is stored NFC whatever form it arrived in, so comparisons downstream never see NFD.
/// </summary>
public sealed record Field(
    string Value,
    double Confidence,
    FieldSource Source,
    int? Page = null,
    PixelRect? Box = null,
    IReadOnlyList<string>? Alternatives = null)
{
    public string Value { get; init; } = (Value ?? string.Empty).Normalize(NormalizationForm.FormC);

    public double Confidence { get; init; } = double.IsNaN(Confidence) ? 0 : Math.Clamp(Confidence, 0, 1);

    /// <summary>Other values seen for the same field (other sources, other pages), kept so a reviewer can pick one.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } =
        Alternatives?.Select(a => a.Normalize(NormalizationForm.FormC)).ToArray() ?? [];
}
