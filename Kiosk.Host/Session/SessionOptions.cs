namespace Intake.Kiosk.Host.Session;

/// <summary>
/// How the citizen's sessions run. <see cref="IdleTimeout"/>: a session nobody touches for this long is wiped
/// (default 90 s, issue 13); the screen warns <see cref="Warning"/> before. Kiosk code and operator name go into the
/// dossier (its code is <c>&lt;kiosk&gt;-&lt;yymmdd&gt;-&lt;NNNN&gt;</c>).
/// </summary>
internal sealed record SessionOptions
{
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long before the wipe the countdown shows: 20 s, or half a shorter timeout.</summary>
    public TimeSpan Warning => IdleTimeout > TimeSpan.FromSeconds(40) ? TimeSpan.FromSeconds(20) : IdleTimeout / 2;

    public string KioskCode { get; init; } = "KIOSK";

    /// <summary>Who took the dossier in: the kiosk itself, self-service.</summary>
    public string OperatorName { get; init; } = "Ki-ốt tự phục vụ";
}
