using System.Net;

namespace Intake.Sync.Upload;

/// <summary>
/// The centre refused or failed a request. <see cref="IsTransient"/>: worth retrying (5xx, 408, 429, a lost
/// connection); a 4xx refusal is not, until someone acts.
/// </summary>
public sealed class CentralException : Exception
{
    public CentralException() { }

    public CentralException(string message) : base(message) { }

    public CentralException(string message, Exception inner) : base(message, inner) { }

    public CentralException(HttpStatusCode status, string message) : base(message) => Status = status;

    public HttpStatusCode? Status { get; }

    public bool IsTransient => Status is null or >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.Conflict;
}
