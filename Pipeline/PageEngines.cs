using Intake.Ocr;
using Intake.Ocr.Orientation;
using Intake.Ocr.Zones;
using Intake.Dossiers.Printed;
using Intake.Pipeline.Cards;

using Intake.Pipeline.Reports;

namespace Intake.Pipeline;

/// <summary>
/// The engines pages are read with, one pool per kind, created once per process and shared by every page: the
/// readers (one Tesseract engine per core), the orientation detector (cues, then OSD), and the MRZ zone reader with
/// its restricted alphabet. Thread-safe; disposing it frees every engine.
/// </summary>
public sealed class PageEngines : IDisposable
{
    public PageEngines(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Readers = new OcrEnginePool(options);
        _cardReaders = new Lazy<OcrEnginePool>(() => options.Languages == DossierLanguages
            ? Readers
            : new OcrEnginePool(new OcrOptions { Languages = DossierLanguages, Workers = Readers.Workers, DataPath = options.DataPath }));
        Orientation = new OrientationDetector(Readers);
        _zones = new ZoneReader(ZoneOptions.Mrz with { Workers = Readers.Workers });
        Cards = new CardOrienter(new MrzBandReader(_zones), Orientation, Readers);
        Digits = new ZoneReader(new ZoneOptions { Languages = "eng", Alphabet = SecondLook.Digits, PageSegMode = SingleLine, Workers = Readers.Workers });
        Names = new ZoneReader(new ZoneOptions { Languages = DossierLanguages, Alphabet = SecondLook.NameCapitals, PageSegMode = SingleLine, Workers = Readers.Workers });
    }

    // Tesseract's page segmentation mode for one line of text.
    private const int SingleLine = 7;

    /// <summary>
    /// The models dossiers are read with: Vietnamese alone. With "vie+eng" the English model wins on capitals and drops
    /// their diacritics (TRAN for TRẦN), and the cards' English labels read just as well with the Vietnamese model.
    /// </summary>
    public const string DossierLanguages = "vie";

    private readonly ZoneReader _zones;

    public OcrEnginePool Readers { get; }

    public OrientationDetector Orientation { get; }

    /// <summary>
    /// The readers of cards: the Vietnamese model alone, whatever the verb's languages (<see cref="DossierLanguages"/>
    /// says why), so a card reads the same through `ocr` and `process`. The same pool when the languages are those;
    /// else made on the first card.
    /// </summary>
    public OcrEnginePool CardReaders => _cardReaders.Value;

    private readonly Lazy<OcrEnginePool> _cardReaders;

    public CardOrienter Cards { get; }

    /// <summary>One line read with digits only: the second look at a card's ID number (<see cref="SecondLook"/>).</summary>
    public ZoneReader Digits { get; }

    /// <summary>One line read in Vietnamese capitals: the second look at a card's name (<see cref="SecondLook"/>).</summary>
    public ZoneReader Names { get; }

    public int Workers => Readers.Workers;

    /// <summary>Loads every reading engine now, in parallel, rather than on each worker's first page.</summary>
    public void WarmUp() => Readers.WarmUp();

    public void Dispose()
    {
        Orientation.Dispose();
        _zones.Dispose();
        Digits.Dispose();
        Names.Dispose();
        if (_cardReaders.IsValueCreated && !ReferenceEquals(_cardReaders.Value, Readers)) _cardReaders.Value.Dispose();
        Readers.Dispose();
    }
}
