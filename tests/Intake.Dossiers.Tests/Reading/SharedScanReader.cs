using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Imaging;
using Intake.Ocr;
using Intake.Pipeline;

namespace Intake.Dossiers.Tests.Reading;

/// <summary>
/// One set of engines per test class (models load once) and a way to read a scan the way `intake process` does: through
/// the one page pipeline, handed to the domain as <see cref="DossierPieces"/> makes them.
/// </summary>
public sealed class SharedScanReader : IDisposable
{
    private readonly PageEngines _engines = new(new OcrOptions { Languages = PageEngines.DossierLanguages });
    private readonly PagePipeline _pipeline;

    public SharedScanReader() =>
        _pipeline = new PagePipeline(_engines.Readers, new PageCleaner(_engines, new PageCleanerOptions()), new PagePipelineOptions(OcrOutputs.SearchablePdf, KeepCleanImages: false));

    public int Workers => _engines.Workers;

    /// <summary>Reads one page; <paramref name="page"/> stays the caller's.</summary>
    public PageRead ReadPage(Image page, int pageIndex)
    {
        ArgumentNullException.ThrowIfNull(page);
        var reading = _pipeline.ReadOne(page.WithDpi(page.DpiX, page.DpiY), pageIndex, CancellationToken.None);
        var pieces = DossierPieces.From(pageIndex, reading);
        return new PageRead([.. pieces.Select((p, i) => new ReadPiece(p.Piece, p.Layer, reading.Pieces[i].Cleanup?.Upright ?? "as it came"))]);
    }

    public void Dispose() => _engines.Dispose();
}

/// <summary>One page as the domain receives it.</summary>
public sealed record PageRead(IReadOnlyList<ReadPiece> Pieces);

/// <summary>One piece of a page: what the assembler interprets, its PDF layer, and how it was set upright.</summary>
public sealed record ReadPiece(RecognisedPiece Piece, PieceLayer Layer, string Orientation);
