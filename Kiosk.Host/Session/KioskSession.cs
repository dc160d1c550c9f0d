using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Dossiers.Procedures;
using Intake.Imaging;
using Intake.Kiosk.Host.Processing;
using Intake.Pipeline;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// One citizen at the kiosk, from the procedure to the receipt. Pages go through the one page pipeline as they are
/// scanned (one pipeline run per session, fed page by page), so the first is read while the next is on the glass;
/// the checklist is ticked from what is read so far; the review and the commit assemble the dossier through
/// <see cref="ReadPages"/>, exactly as `intake process` does. Everything lives in memory only and is overwritten by
/// <see cref="Wipe"/>: nothing of an uncommitted session reaches the disk. Thread-safe: one gate for the state.
/// </summary>
internal sealed class KioskSession : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SessionPage> _pages = [];
    private readonly BlockingCollection<PageWork> _feed = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Channel<SessionEvent>> _listeners = [];
    private readonly SessionOptions _options;
    private readonly Task _reading;
    private TaskCompletionSource _allRead = Completed();
    private int _pending;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private SessionReview? _review;
    private readonly Dictionary<string, Correction> _corrections = new(StringComparer.Ordinal);
    private Dossier? _committed;
    private IReadOnlyList<ChecklistItem> _checklist = [];

    public KioskSession(PagePipeline pipeline, SessionOptions options, string? procedureCode)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _options = options;
        ProcedureCode = procedureCode;
        _checklist = Unticked(procedureCode);
        _reading = Task.Run(() => pipeline.RunAsync(_feed.GetConsumingEnumerable(_stop.Token), PageDone, _stop.Token));
    }

    /// <summary>Unguessable: it is the only key to the session's pages over the API.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.Now;

    public string? ProcedureCode { get; private set; }

    public SessionReceipt? Receipt { get; private set; }

    /// <summary>Null while the session runs; why it ended (idle, finished, cancelled, shutdown) once wiped.</summary>
    public string? EndReason { get; private set; }

    public TimeSpan Idle => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>Bytes of scans, thumbnails and receipt held (0 once wiped): the idle-wipe test reads it.</summary>
    public long BytesHeld
    {
        get
        {
            lock (_gate)
                return _pages.Sum(p => (p.Thumbnail?.Length ?? 0L) + (p.Picture?.Encoded.Length ?? 0L) + (p.Waiting is null ? 0L : (long)p.Waiting.Width * p.Waiting.Height * p.Waiting.Channels))
                       + (Receipt is null ? 0 : Receipt.Pdf.Length + Receipt.QrPng.Length);
        }
    }

    public void Touch() => Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());

    /// <exception cref="ArgumentException">Not a procedure of the catalogue (message Vietnamese / English).</exception>
    public void ChooseProcedure(string code)
    {
        var found = ProcedureCatalog.Default.Find(code);
        if (!found.Succeeded) throw new ArgumentException(found.FailureReason);
        lock (_gate)
        {
            ThrowIfEnded();
            ProcedureCode = found.Value!.Code;
            _review = null;
            _checklist = Preview()?.Dossier.Checklist ?? Unticked(ProcedureCode);
        }
    }

    /// <summary>Takes the scan (ownership too) as the next page and queues it for the pipeline; returns its number.</summary>
    public int AddPage(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        SessionPage page;
        lock (_gate)
        {
            if (EndReason is not null)
            {
                image.Dispose();
                ThrowIfEnded();
            }
            page = new SessionPage(_pages.Count + 1) { Waiting = image };
            using (var small = image.Scale(Math.Min(1, 320.0 / image.Width))) page.Thumbnail = small.Encode(".jpg", 80);
            _pages.Add(page);
            _review = null;
            if (_pending++ == 0) _allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Emit(PageEvent(page));
        _feed.Add(new PageWork(this, page.Number - 1, () => TakeForPipeline(page)));
        return page.Number;
    }

    /// <summary>The pages so far, for the screen: number, state, documents recognised, whether a thumbnail is served.</summary>
    public IReadOnlyList<object> PageStatus()
    {
        lock (_gate) return _pages.Select(Status).ToArray();
    }

    public byte[]? Thumbnail(int number)
    {
        lock (_gate) return EndReason is null && number >= 1 && number <= _pages.Count ? _pages[number - 1].Thumbnail : null;
    }

    /// <summary>The reviewed field's source document cut from its page and scaled to 640 px wide at most (JPEG); null when none.</summary>
    public byte[]? FieldCrop(string fieldName)
    {
        lock (_gate)
        {
            if (EndReason is not null || _review?.SourceRegion(fieldName) is not { } source) return null;
            if (_pages[source.PageNumber - 1].Picture is not { } picture) return null;
            using var decoded = ImageSource.FromBytes(picture.Encoded);
            using var page = decoded.Decode(0);
            var region = source.Region ?? new Intake.Pages.PixelRect(0, 0, page.Width, page.Height);
            var x = Math.Clamp(region.X, 0, page.Width - 1);
            var y = Math.Clamp(region.Y, 0, page.Height - 1);
            var rect = new Intake.Pages.PixelRect(x, y, Math.Clamp(region.Width, 1, page.Width - x), Math.Clamp(region.Height, 1, page.Height - y));
            using var cut = page.Crop(rect);
            using var small = cut.Scale(Math.Min(1, 640.0 / cut.Width));
            return small.Encode(".jpg", 85);
        }
    }

    public IReadOnlyList<ChecklistItem> Checklist()
    {
        lock (_gate) return _checklist;
    }

    /// <summary>Waits for every page scanned so far to be read, then assembles the dossier to show (not yet numbered).</summary>
    public async Task<SessionReview> ReviewAsync(CancellationToken cancellationToken)
    {
        Task allRead;
        lock (_gate) allRead = _allRead.Task;
        await allRead.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            ThrowIfEnded();
            return _review ??= Preview() ?? throw new InvalidOperationException("Chưa có trang nào đọc được / no page could be read yet");
        }
    }

    /// <summary>
    /// The citizen sets one shown field by hand on the review screen (<see cref="CitizenFieldRules"/>): the value becomes
    /// a manual one, certain, with what was read kept as its alternative; the dossier is assembled again so every check
    /// runs against it, and the correction goes into the dossier's audit log when it is committed. Correcting a field
    /// again replaces the earlier correction (the old value stays what the documents said). Returns the new review.
    /// </summary>
    /// <exception cref="ArgumentException">A field that is not shown, or a value it cannot hold (message Vietnamese / English).</exception>
    /// <exception cref="InvalidOperationException">No review yet, pages still being read, or already committed.</exception>
    public SessionReview Correct(string fieldName, string? typed)
    {
        var value = CitizenFieldRules.Accept(fieldName, typed);
        lock (_gate)
        {
            ThrowIfEnded();
            if (_committed is not null) throw new InvalidOperationException("Hồ sơ đã nộp / the dossier has been submitted");
            if (_pending > 0 || _review is null) throw new InvalidOperationException("Chưa xem lại hồ sơ / the dossier has not been reviewed");
            var read = _corrections.TryGetValue(fieldName, out var earlier) ? earlier.OldValue : _review.Dossier.Applicant.Get(fieldName)?.Value;
            // as at the desk: setting the value that was read is the citizen vouching for it, and the log says so
            var reason = read == value ? "công dân xác nhận khi xem lại / confirmed by the citizen at review" : "công dân sửa khi xem lại / corrected by the citizen at review";
            _corrections[fieldName] = new Correction(fieldName, read, value, CitizenOperator, DateTimeOffset.Now, reason);
            return _review = Preview()!;
        }
    }

    /// <summary>Who a citizen's correction names in the audit log: the citizen, not the kiosk's operator.</summary>
    public const string CitizenOperator = "công dân / citizen";

    /// <summary>
    /// Commits the dossier to the store and its outbox (the store numbers it in the same transaction), makes the
    /// receipt, and wipes the pages: from here on only the store holds them.
    /// </summary>
    public SessionReceipt Commit(DossierStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        lock (_gate)
        {
            ThrowIfEnded();
            if (Receipt is not null) return Receipt;
            if (_committed is null && (_pending > 0 || _review is null)) throw new InvalidOperationException("Chưa xem lại hồ sơ / the dossier has not been reviewed");
            if (_committed is null)
            {
                var read = _review!.Pages;
                var scannedAt = StartedAt;
                DossierPackage? package = null;
                store.Commit(_options.KioskCode, DateOnly.FromDateTime(scannedAt.DateTime), code =>
                {
                    package = read.Package(code, _options.OperatorName, scannedAt, ProcedureCode, [.. _corrections.Values]);
                    return new DossierCommit(package, read.Images);
                });
                // kept so a receipt that fails to render is made again, never the dossier committed twice
                _committed = package!.Dossier;
            }
            Receipt = ReceiptDocument.Make(_committed, DateTimeOffset.Now);
            foreach (var page in _pages) page.Wipe();
            _review = null;
            return Receipt;
        }
    }

    /// <summary>A channel of this session's events, starting with each page's state; completed when the session ends.</summary>
    public ChannelReader<SessionEvent> Listen()
    {
        var channel = Channel.CreateUnbounded<SessionEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            foreach (var page in _pages) channel.Writer.TryWrite(PageEvent(page));
            if (EndReason is not null) channel.Writer.TryWrite(new SessionEvent("ended", new { reason = EndReason }));
            if (EndReason is not null) channel.Writer.TryComplete();
            else _listeners.Add(channel);
        }
        return channel.Reader;
    }

    /// <summary>The screen closed its stream: its channel is dropped.</summary>
    public void StopListening(ChannelReader<SessionEvent> reader)
    {
        lock (_gate) _listeners.RemoveAll(channel => channel.Reader == reader);
    }

    public void Emit(SessionEvent message)
    {
        lock (_gate)
            foreach (var listener in _listeners) listener.Writer.TryWrite(message);
    }

    /// <summary>Waits (bounded) for the pages in flight: a shutdown finishes them before the session goes.</summary>
    public async Task FinishPagesInFlightAsync(TimeSpan limit)
    {
        Task allRead;
        lock (_gate) allRead = _allRead.Task;
        try
        {
            await allRead.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>
    /// Ends the session: every scan, thumbnail, reading and receipt byte is overwritten and dropped, the pipeline run
    /// is cancelled (pages in it are freed by the pipeline), and the screen is told why.
    /// </summary>
    public void Wipe(string reason)
    {
        lock (_gate)
        {
            if (EndReason is not null) return;
            EndReason = reason;
            foreach (var page in _pages) page.Wipe();
            Receipt?.Wipe();
            _review = null;
            _corrections.Clear();
            _committed = null;
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(new SessionEvent("ended", new { reason }));
                listener.Writer.TryComplete();
            }
            _listeners.Clear();
            _allRead.TrySetResult();
        }
        _feed.CompleteAdding();
        _stop.Cancel();
    }

    public void Dispose()
    {
        Wipe("disposed");
        try
        {
            _reading.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // the run was cancelled by the wipe
        }
        _feed.Dispose();
        _stop.Dispose();
    }

    private Image TakeForPipeline(SessionPage page)
    {
        lock (_gate)
        {
            var image = page.Waiting ?? throw new InvalidDataException("Phiên đã kết thúc / the session has ended");
            page.Waiting = null;
            // the archived page is the scan in colour at its own resolution, as `intake process` keeps it
            page.Picture = new ScannedPagePicture(page.Number - 1, image.Encode(".jpg", 85), image.Width, image.Height, image.DpiY > 0 ? image.DpiY : InputPages.PdfDpi);
            page.State = PageStates.Cleaning;
            Emit(PageEvent(page));
            return image;
        }
    }

    /// <summary>The pipeline starts recognising the page with this 0-based index (it has been cleaned).</summary>
    public void ReadingStarted(int pageIndex)
    {
        lock (_gate)
        {
            if (EndReason is not null || pageIndex >= _pages.Count) return;
            var page = _pages[pageIndex];
            page.State = PageStates.Reading;
            Emit(PageEvent(page));
        }
    }

    private void PageDone(PageWork work, PageReading? reading, Exception? error)
    {
        lock (_gate)
        {
            if (EndReason is not null) return;
            var page = _pages[work.Page];
            page.Reading = reading;
            page.State = reading is null ? PageStates.Failed : PageStates.Recognised;
            page.Error = error is null ? null : $"Không đọc được trang {page.Number} / page {page.Number} could not be read";
            _review = null;
            var preview = Preview();
            foreach (var other in _pages) other.DocumentTypes = preview?.TypesOn(other.Number) ?? [];
            _checklist = preview?.Dossier.Checklist ?? Unticked(ProcedureCode);
            Emit(PageEvent(page));
            if (--_pending == 0) _allRead.TrySetResult();
        }
    }

    /// <summary>The dossier the pages read so far make (null before the first), under a placeholder code.</summary>
    private SessionReview? Preview()
    {
        var read = _pages.Where(p => p.Reading is not null && p.Picture is not null).ToArray();
        if (read.Length == 0) return null;
        var pages = ReadPages.From(read.Select(p => (p.Reading!, p.Picture!)).ToArray());
        var assembly = pages.Assemble(new DossierCode(_options.KioskCode, DateOnly.FromDateTime(StartedAt.DateTime), 1), _options.OperatorName, StartedAt, ProcedureCode, [.. _corrections.Values]);
        return new SessionReview(assembly.Dossier, pages, read.Select(p => p.Number).ToArray());
    }

    private SessionEvent PageEvent(SessionPage page) =>
        new("page", new { page = Status(page), checklist = _checklist });

    private static IReadOnlyList<ChecklistItem> Unticked(string? procedureCode) =>
        procedureCode is not null && ProcedureCatalog.Default.Find(procedureCode) is { Succeeded: true } found
            ? found.Value!.ChecklistFor([])
            : [];

    private object Status(SessionPage page) => new
    {
        number = page.Number,
        state = page.State,
        documentTypes = page.DocumentTypes,
        thumbnail = page.Thumbnail is null ? null : $"/api/session/{Id}/pages/{page.Number}/thumbnail",
        error = page.Error,
    };

    private void ThrowIfEnded()
    {
        if (EndReason is not null) throw new SessionEndedException();
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}

/// <summary>The session was wiped (idle, finished, cancelled): its data is gone.</summary>
internal sealed class SessionEndedException() : InvalidOperationException("Phiên đã kết thúc / the session has ended");
