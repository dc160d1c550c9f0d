using System.Collections.Concurrent;
using System.Diagnostics;

namespace Intake.Kiosk.Host.Session;

/// <summary>
/// Optional spoken prompts: a prompt text of the resources said by Debian's espeak-ng (its Vietnamese voice "vi", or
/// "en"), as WAV. Only fixed prompt texts are spoken, never a citizen's data; each is made once and kept.
/// Without espeak-ng there is no speech (null) and the screen stays silent.
/// </summary>
internal sealed class SpokenPrompts
{
    private readonly ConcurrentDictionary<string, byte[]?> _said = new(StringComparer.Ordinal);

    public async Task<byte[]?> SayAsync(string key, string language, CancellationToken cancellationToken)
    {
        if (!key.EndsWith(".prompt", StringComparison.Ordinal) && !key.EndsWith(".title", StringComparison.Ordinal)) return null;
        var cacheKey = $"{language}:{key}";
        if (_said.TryGetValue(cacheKey, out var known)) return known;
        var text = CitizenTexts.Get(key, language);
        var wav = await SpeakAsync(text, language == CitizenTexts.English ? "en" : "vi", cancellationToken).ConfigureAwait(false);
        _said[cacheKey] = wav;
        return wav;
    }

    private static async Task<byte[]?> SpeakAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", voice, "-s", "150", "--stdout", text }) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            using var wav = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(wav, cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            await copy.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0 && wav.Length > 44 ? wav.ToArray() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // espeak-ng is not installed
        }
    }
}
