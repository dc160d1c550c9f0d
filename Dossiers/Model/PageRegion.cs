using Intake.Pages;

namespace Intake.Dossiers;

/// <summary>Where a document sits in the dossier's pages: a page index and, for a card on a flatbed, the region of that page (null = the whole page).</summary>
public sealed record PageRegion(int PageIndex, PixelRect? Region = null);
