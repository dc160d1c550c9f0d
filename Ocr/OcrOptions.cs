namespace Intake.Ocr;

/// <summary>How the OCR engines are set up. Languages use Tesseract's syntax, e.g. "vie+eng".</summary>
public sealed record OcrOptions
{
    public const string DefaultLanguages = "vie+eng";

    public string Languages { get; init; } = DefaultLanguages;

    /// <summary>Folder holding the *.traineddata models; null finds Debian's.</summary>
    public string? DataPath { get; init; }

    /// <summary>Engines (one per worker thread); 0 means one per core.</summary>
    public int Workers { get; init; }

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
}
