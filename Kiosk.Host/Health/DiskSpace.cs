namespace Intake.Kiosk.Host.Health;

/// <summary>Free space on the filesystem holding a folder (its nearest existing ancestor when it does not exist yet).</summary>
internal static class DiskSpace
{
    /// <summary>Bytes available to this process, or null when no ancestor of <paramref name="folder"/> can be read.</summary>
    public static long? FreeBytes(string folder)
    {
        var path = Path.GetFullPath(folder);
        while (!Directory.Exists(path))
        {
            var parent = Path.GetDirectoryName(path);
            if (parent is null) return null;
            path = parent;
        }
        try
        {
            return new DriveInfo(path).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
