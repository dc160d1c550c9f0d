using Intake.Ocr.Native;

namespace Intake.Ocr;

/// <summary>
/// Process-wide settings that must be in place before libtesseract (and its OpenMP runtime) loads:
/// parallelism is ours, across pages, so each engine runs on exactly one thread.
/// </summary>
internal static class OcrRuntime
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        NativeEnvironment.SetDefault("OMP_THREAD_LIMIT", "1");
        // Leptonica reports harmless conditions ("pixScanForForeground: invalid box") on stderr, where
        // they would interleave with the one-line errors the CLI promises.
        _ = LeptonicaNative.SetMsgSeverity(LeptonicaNative.SeverityNone);
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;
}
