using System.Text;

using Intake.Pipeline;
using Intake.Pipeline.Reports;

namespace Intake.Kiosk.Host.Reading;

/// <summary>Writes a file so that a reader (or a power cut) sees the old file or the whole new one, never half.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public static void Write(string path, byte[] bytes)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
