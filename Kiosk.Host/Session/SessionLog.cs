namespace Intake.Kiosk.Host.Session;

/// <summary>The session's log lines: states, codes and counts only, never a citizen's name, number or page.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "session started")]
    public static partial void Started(ILogger log);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "session ended: {Reason}")]
    public static partial void Ended(ILogger log, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "dossier {Code} committed from a session")]
    public static partial void Committed(ILogger log, string code);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "receipt ready ({Bytes} bytes); no receipt printer configured")]
    public static partial void ReceiptNotPrinted(ILogger log, int bytes);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "receipt of {Code} printed")]
    public static partial void ReceiptPrinted(ILogger log, string code);

    // the field's name only: neither the value read nor the one typed
    [LoggerMessage(EventId = 1307, Level = LogLevel.Information, Message = "the citizen corrected {Field} at review")]
    public static partial void FieldCorrected(ILogger log, string field);

    // the problem names the device and the OS error, never the applicant
    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "receipt of {Code} not printed: {Problem}")]
    public static partial void ReceiptPrintFailed(ILogger log, string code, string problem);
}
