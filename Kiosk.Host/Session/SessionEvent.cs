namespace Intake.Kiosk.Host.Session;

/// <summary>
/// One message pushed to the screen over server-sent events (docs/api.md): <c>page</c> (a page's progress and the
/// checklist so far), <c>idle</c> (seconds left before the wipe), <c>ended</c> (the session is gone: idle, finished,
/// cancelled or shutdown). Never holds a field's value: the screen asks for the review when it wants it.
/// </summary>
internal sealed record SessionEvent(string Type, object Data);
