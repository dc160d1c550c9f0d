using Intake.Pages;
namespace Intake.Imaging.Cleanup;

/// <summary>One document lying on the scanner glass: where it lies, its axis-aligned bounds, its kind, and how sure the finder is (0..1).</summary>
public sealed record FoundDocument(RotatedBox Region, PixelRect Bounds, DocumentKind Kind, double Confidence);
