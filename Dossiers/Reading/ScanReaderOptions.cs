using Intake.Ocr;

namespace Intake.Dossiers.Reading;

/// <summary>How scans are read: the OCR languages for printed text and how many engines (pages at once) to run.</summary>
public sealed record ScanReaderOptions
{
    public string Languages { get; init; } = OcrOptions.DefaultLanguages;

    /// <summary>0 means one per core.</summary>
    public int Workers { get; init; }

    /// <summary>A found card below this finder confidence is not trusted to be a card; the page is read whole.</summary>
    public double MinCardConfidence { get; init; } = 0.4;
}
