namespace Intake.Ocr.Zones;

/// <summary>
/// How a zone with a known alphabet is read: the model, the only characters it may produce, and Tesseract's page
/// segmentation mode (6 = one uniform block of lines, right for an MRZ band).
/// </summary>
public sealed record ZoneOptions
{
    /// <summary>The ICAO 9303 machine-readable-zone alphabet.</summary>
    public const string MrzAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    public const int SingleBlock = 6;

    /// <summary>The MRZ is OCR-B capitals and digits: the English model reads it better than the Vietnamese one.</summary>
    public static ZoneOptions Mrz { get; } = new() { Languages = "eng", Alphabet = MrzAlphabet, PageSegMode = SingleBlock };

    public string Languages { get; init; } = "eng";

    public string Alphabet { get; init; } = MrzAlphabet;

    public int PageSegMode { get; init; } = SingleBlock;

    /// <summary>Folder holding the *.traineddata models; null finds Debian's.</summary>
    public string? DataPath { get; init; }

    /// <summary>Engines kept (one per concurrent caller); 0 means one per core.</summary>
    public int Workers { get; init; }
}
