using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Cli;

/// <summary>
/// The options of every verb that touches the kiosk's store: <c>--data DIR</c> (else INTAKE_DATA, else ./data) and
/// <c>--retention 7d</c> (how long personal data stays after the central acknowledgement: d, h or m).
/// </summary>
internal sealed class StoreCliOptions
{
    /// <summary>How long a verb waits for another `intake` holding the store before saying it is in use.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    public Option<string?> Data { get; } = new("--data")
    {
        Description = $"Thư mục dữ liệu của kho (mặc định {DataDirectoryResolver.Variable}, rồi ./data) / the store's data folder (default {DataDirectoryResolver.Variable}, else ./data)",
    };

    public Option<TimeSpan> Retention { get; } = new("--retention")
    {
        Description = "Giữ dữ liệu cá nhân bao lâu sau khi trung tâm xác nhận, ví dụ 7d, 12h / how long personal data stays after the central acknowledgement, e.g. 7d, 12h",
        DefaultValueFactory = _ => TimeSpan.FromDays(7),
        CustomParser = ParseRetention,
    };

    public IEnumerable<Option> All => [Data, Retention];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>Where the key file lives when not beside the data (docs/operations.md: the key's life).</summary>
    public const string KeyFileVariable = "INTAKE_KEY_FILE";

    public StoreOptions Resolve(ParseResult parse) =>
        new(DataDirectoryResolver.Resolve(parse.GetValue(Data)))
        {
            Retention = parse.GetValue(Retention),
            LockWait = LockWait,
            KeyFile = Environment.GetEnvironmentVariable(KeyFileVariable) is { Length: > 0 } key ? Path.GetFullPath(key) : null,
            LegacySequenceFile = LegacySequenceFile(),
        };

    /// <summary>The counter `intake process` used before the store, so the store's first code of the day follows it.</summary>
    private static string? LegacySequenceFile()
    {
        try
        {
            return Path.Combine(Processing.KioskStateDirectory.Resolve(), Dossiers.DossierCodeSequence.FileName);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Opens the store for a verb; a recovery at start, and each problem the start-up check found, is one line on standard error.</summary>
    public static DossierStore Open(StoreOptions options, TextWriter error)
    {
        var store = DossierStore.Open(options);
        if (store.Opening.Recovery is { } recovery)
            error.WriteLine($"intake: {recovery}");
        foreach (var problem in store.Opening.Problems)
            error.WriteLine($"intake: {problem}");
        return store;
    }

    private static TimeSpan ParseRetention(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "7d";
        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
            }
        }

        result.AddError($"--retention '{text}' không hợp lệ (ví dụ 7d, 12h, 30m) / is not a period such as 7d, 12h, 30m");
        return default;
    }
}
