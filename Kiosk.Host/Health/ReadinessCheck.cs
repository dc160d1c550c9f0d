namespace Intake.Kiosk.Host.Health;

/// <summary>
/// One line of /readyz: <paramref name="Name"/> (scanner, camera, store, disk, outbox, central, gpio, printer), whether
/// it passed, whether a failure makes the kiosk not ready (503), and what was found, Vietnamese / English.
/// </summary>
internal sealed record ReadinessCheck(string Name, bool Ok, bool Required, string Detail);

/// <summary>The whole answer: ready when every required check passed.</summary>
internal sealed record Readiness(bool Ready, DateTimeOffset CheckedAt, IReadOnlyList<ReadinessCheck> Checks)
{
    /// <summary>The failed required checks' details, for the 503 body's one-line reason.</summary>
    public IReadOnlyList<string> Reasons => Checks.Where(c => c.Required && !c.Ok).Select(c => $"{c.Name}: {c.Detail}").ToList();
}
