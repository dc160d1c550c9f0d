using Intake.Pipeline;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// The kiosk's one active session. Starting another while one runs is refused (the screen cancels an abandoned one
/// first). Once a second it checks the idle time: the screen gets the countdown <see cref="SessionOptions.Warning"/>
/// before the timeout, then the session is wiped. At shutdown, pages in flight are finished, then the session wiped.
/// </summary>
internal sealed class CitizenSessions(PagePipeline pipeline, SessionOptions options, KioskScanner scanner, ILogger<CitizenSessions> log) : BackgroundService
{
    private readonly Lock _gate = new();
    private KioskSession? _current;
    private int _scansRunning;

    public SessionOptions Options => options;

    /// <exception cref="SessionConflictException">A session is already running.</exception>
    public KioskSession Start(string? procedureCode)
    {
        lock (_gate)
        {
            if (_current is { EndReason: null }) throw new SessionConflictException();
            _current?.Dispose();
            var session = new KioskSession(pipeline, options, procedureCode);
            if (procedureCode is not null) session.ChooseProcedure(procedureCode);
            scanner.Rewind();
            _current = session;
            SessionLog.Started(log);
            return session;
        }
    }

    /// <summary>The running session with this id, touched (it is in use); null when there is none.</summary>
    public KioskSession? Find(string id)
    {
        lock (_gate)
        {
            if (_current is not { EndReason: null } session || !string.Equals(session.Id, id, StringComparison.Ordinal)) return null;
            session.Touch();
            return session;
        }
    }

    /// <summary>
    /// One press of the scan button for <paramref name="session"/>: the scanner's next page becomes the session's next
    /// page, queued for the one page pipeline (its states then come on the session's event stream). Returns its number.
    /// </summary>
    public Task<int> ScanAsync(KioskSession session, CancellationToken cancellationToken)
    {
        lock (_gate) _scansRunning++;
        return CountedScanAsync(session, cancellationToken);
    }

    /// <summary>
    /// Paper was placed on the scanner: the session waiting on its scan screen (running, a procedure chosen, not
    /// confirmed, no scan running) is scanned exactly as its button does. Null when no session waits so.
    /// </summary>
    public Task<int>? ScanWaiting(CancellationToken cancellationToken)
    {
        KioskSession waiting;
        lock (_gate)
        {
            if (_scansRunning > 0 || _current is not { EndReason: null, ProcedureCode: not null, Receipt: null } session) return null;
            session.Touch();
            _scansRunning++;
            waiting = session;
        }
        return CountedScanAsync(waiting, cancellationToken);
    }

    private async Task<int> CountedScanAsync(KioskSession session, CancellationToken cancellationToken)
    {
        try
        {
            var image = await scanner.ScanOneAsync(cancellationToken).ConfigureAwait(false);
            return session.AddPage(image);
        }
        finally
        {
            lock (_gate) _scansRunning--;
        }
    }

    /// <summary>Whatever session runs, for the kiosk's own status (no data).</summary>
    public KioskSession? Current
    {
        get
        {
            lock (_gate) return _current;
        }
    }

    /// <summary>Wipes the session with this id (or any, for null); false when there was none running.</summary>
    public bool End(string? id, string reason)
    {
        KioskSession? ending;
        lock (_gate)
        {
            ending = _current is { EndReason: null } s && (id is null || s.Id == id) ? s : null;
        }
        if (ending is null) return false;
        ending.Wipe(reason);
        SessionLog.Ended(log, reason);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (Current is not { EndReason: null } session) continue;
                var idle = session.Idle;
                if (idle >= options.IdleTimeout) End(session.Id, "idle");
                else if (idle >= options.IdleTimeout - options.Warning)
                    session.Emit(new SessionEvent("idle", new { secondsLeft = (int)Math.Ceiling((options.IdleTimeout - idle).TotalSeconds) }));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Current is { EndReason: null } session)
        {
            // a page in the pipeline is finished (its engines are not torn down under it); the uncommitted session is not kept
            await session.FinishPagesInFlightAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            End(session.Id, "shutdown");
        }
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        lock (_gate) _current?.Dispose();
        base.Dispose();
    }
}

/// <summary>Another session is running on this kiosk.</summary>
internal sealed class SessionConflictException() : InvalidOperationException("Ki-ốt đang có phiên khác / another session is running on this kiosk");
