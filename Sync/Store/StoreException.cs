namespace Intake.Sync.Store;

/// <summary>
/// Something the kiosk's store refuses or cannot do, said in Vietnamese then English (<see cref="Exception.Message"/> is
/// "vi / en"). Subclasses name the cases a caller treats differently.
/// </summary>
public class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message) : base(message)
    {
    }

    public StoreException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public StoreException(string vietnamese, string english, Exception? innerException = null)
        : base($"{vietnamese} / {english}", innerException)
    {
    }
}

/// <summary>Another process holds the store's exclusive lock (<see cref="StoreLock"/>).</summary>
public sealed class StoreInUseException(int? processId, string lockPath)
    : StoreException(
        $"kho dữ liệu đang được tiến trình {processId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} sử dụng ({lockPath})",
        $"the store is in use by process {processId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} ({lockPath})")
{
    /// <summary>The holder's process id as it wrote it into the lock file; null when unreadable.</summary>
    public int? ProcessId { get; } = processId;
}

/// <summary>The key file is missing (or does not match) while the store holds encrypted data.</summary>
public sealed class StoreKeyException(string vietnamese, string english) : StoreException(vietnamese, english);

/// <summary>Free space is below the reserve: new intake is refused, nothing stored is touched.</summary>
public sealed class StoreFullException(string vietnamese, string english) : StoreException(vietnamese, english);
