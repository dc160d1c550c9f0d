using Intake.Kiosk.Host.Cli;
using Intake.Kiosk.Host.Staff.Auth;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Staff.Desk;

/// <summary>
/// The staff desk's settings: the kiosk's store (the dossiers scanned at the desk are committed there and the roster
/// lives beside it), the kiosk code of the dossier codes, and below which confidence a field is sent to review.
/// </summary>
public sealed record StaffDeskOptions(StoreOptions Store)
{
    /// <summary>0.9: QR and MRZ fields are read at 1.0; an OCR guess under this is worth a person's look.</summary>
    public double UnsureBelow { get; init; } = 0.9;

    public string KioskCode { get; init; } = "KIOSK";

    public int SignInPermitsPerMinute { get; init; } = 10;

    /// <summary>Tesseract engines for a desk scan; 0: one per core.</summary>
    public int Workers { get; init; }

    /// <summary>The folder `replay:` devices may read from (demos, tests); null: the desk uses real scanners only. INTAKE_DESK_REPLAY.</summary>
    public string? ReplayFolder { get; init; } = Environment.GetEnvironmentVariable("INTAKE_DESK_REPLAY") is { Length: > 0 } replay ? replay : null;

    /// <summary>The scanner the desk page offers first: INTAKE_DESK_SCANNER, else SANE's test:0.</summary>
    public string DefaultDevice { get; init; } = Environment.GetEnvironmentVariable("INTAKE_DESK_SCANNER") is { Length: > 0 } scanner ? scanner : "test:0";

    /// <summary>The store when the service already holds it open (`intake serve`, whose delivery and citizen sessions share it); null: opened per call.</summary>
    public DossierStore? HeldStore { get; init; }

    public StaffAuthOptions Auth => new(Store) { SignInPermitsPerMinute = SignInPermitsPerMinute };

    /// <summary>The data folder INTAKE_DATA, else ./data.</summary>
    public static StaffDeskOptions Default() => ForData(DataDirectoryResolver.Resolve(null));

    /// <summary>The store in <paramref name="dataDirectory"/>, with the key file of INTAKE_KEY_FILE when set, waiting up to 30 s for another `intake` holding it.</summary>
    public static StaffDeskOptions ForData(string dataDirectory) => new(new StoreOptions(Path.GetFullPath(dataDirectory))
    {
        LockWait = StoreCliOptions.LockWait,
        KeyFile = Environment.GetEnvironmentVariable(StoreCliOptions.KeyFileVariable) is { Length: > 0 } key ? Path.GetFullPath(key) : null,
    });
}
