namespace Intake.Dossiers.Reading;

/// <summary>How scans are read: the OCR languages for printed text and how many engines (pages at once) to run.</summary>
public sealed record ScanReaderOptions
{
    /// <summary>
    /// Vietnamese alone: with "vie+eng" the English model wins on capitals and drops their diacritics (TRAN for TRẦN),
    /// and the cards' English labels read just as well with the Vietnamese model.
    /// </summary>
    public string Languages { get; init; } = "vie";

    /// <summary>0 means one per core.</summary>
    public int Workers { get; init; }

    /// <summary>A found card below this finder confidence is not trusted to be a card; the page is read whole.</summary>
    public double MinCardConfidence { get; init; } = 0.4;
}
