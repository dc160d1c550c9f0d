using System.Text;

namespace Intake.Scanner.Sane.Native;

/// <summary>
/// Reads option descriptors into <see cref="SaneOption"/> records and moves option values across
/// sane_control_option's untyped buffer. Values are bool, int, double (Fixed), string, or int[]/double[]
/// for array options.
/// </summary>
internal static unsafe class SaneOptionAccess
{
    private const double FixedScale = 1 << 16;

    public static int Count(SaneDeviceHandle handle)
    {
        // Option 0 is always the option count. Fetching its descriptor first is what some backends
        // (the test backend among them) require before any control call on it.
        if (SaneNative.GetOptionDescriptor(handle, 0) is null)
            throw new SaneException(SaneStatus.Inval, "sane_get_option_descriptor(0)");
        int count;
        SaneException.ThrowIfFailed(SaneNative.ControlOption(handle, 0, SaneAction.GetValue, &count, out _), "option count");
        return count;
    }

    /// <summary>The descriptor of <paramref name="index"/>, or null when the backend has none.</summary>
    public static SaneOption? Describe(SaneDeviceHandle handle, int index)
    {
        var d = SaneNative.GetOptionDescriptor(handle, index);
        if (d is null) return null;
        var type = (SaneOptionType)d->Type;
        SaneRange? range = null;
        double[]? words = null;
        string[]? strings = null;
        if (d->Constraint != 0)
        {
            switch (d->ConstraintType)
            {
                case SaneConstraintType.Range:
                    var r = (SaneRangeStruct*)d->Constraint;
                    range = new SaneRange(Word(type, r->Min), Word(type, r->Max), Word(type, r->Quant));
                    break;
                case SaneConstraintType.WordList:
                    // The first word is the number of words that follow.
                    var w = (int*)d->Constraint;
                    words = new double[w[0]];
                    for (var i = 0; i < words.Length; i++) words[i] = Word(type, w[i + 1]);
                    break;
                case SaneConstraintType.StringList:
                    var list = new List<string>();
                    for (var s = (nint*)d->Constraint; *s != 0; s++) list.Add(SaneDeviceList.Text(*s));
                    strings = [.. list];
                    break;
            }
        }
        return new SaneOption(index, SaneDeviceList.Text(d->Name), SaneDeviceList.Text(d->Title), SaneDeviceList.Text(d->Desc),
            type, (SaneUnit)d->Unit, d->Size, (SaneCapabilities)d->Cap, range, words, strings);
    }

    public static object Get(SaneDeviceHandle handle, SaneOption option)
    {
        var buffer = new byte[Math.Max(option.Size, sizeof(int)) + 1];
        fixed (byte* data = buffer)
            SaneException.ThrowIfFailed(SaneNative.ControlOption(handle, option.Index, SaneAction.GetValue, data, out _), $"get '{option.Name}'");
        return option.Type switch
        {
            SaneOptionType.Bool => BitConverter.ToInt32(buffer) != 0,
            SaneOptionType.Text => Encoding.UTF8.GetString(buffer, 0, Math.Max(0, Array.IndexOf(buffer, (byte)0))),
            SaneOptionType.WholeNumber when option.IsArray => Words(buffer, option).Select(w => (int)w).ToArray(),
            SaneOptionType.FixedPoint when option.IsArray => Words(buffer, option),
            SaneOptionType.WholeNumber => BitConverter.ToInt32(buffer),
            SaneOptionType.FixedPoint => BitConverter.ToInt32(buffer) / FixedScale,
            _ => throw new SaneException(SaneStatus.Unsupported, $"get '{option.Name}' ({option.Type})"),
        };
    }

    /// <summary>Sets a value; returns true when the backend asked for the options to be re-read.</summary>
    public static bool Set(SaneDeviceHandle handle, SaneOption option, object? value)
    {
        byte[] buffer;
        switch (option.Type)
        {
            case SaneOptionType.Button:
                buffer = [];
                break;
            case SaneOptionType.Text:
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                // The backend may copy Size bytes, so the buffer is at least that long and NUL-terminated.
                buffer = new byte[Math.Max(option.Size, Encoding.UTF8.GetByteCount(text) + 1)];
                Encoding.UTF8.GetBytes(text, buffer);
                break;
            default:
                var count = Math.Max(1, option.Size / sizeof(int));
                buffer = new byte[count * sizeof(int)];
                var values = value is System.Collections.IEnumerable many and not string
                    ? many.Cast<object>().Select(Number).ToArray()
                    : Enumerable.Repeat(Number(value), count).ToArray();
                for (var i = 0; i < count && i < values.Length; i++)
                    BitConverter.TryWriteBytes(buffer.AsSpan(i * sizeof(int)), ToWord(option.Type, values[i]));
                break;
        }
        SaneInfo info;
        fixed (byte* data = buffer)
            SaneException.ThrowIfFailed(
                SaneNative.ControlOption(handle, option.Index, SaneAction.SetValue, buffer.Length == 0 ? null : data, out info),
                $"set '{option.Name}' = {value}");
        return (info & SaneInfo.ReloadOptions) != 0;
    }

    private static double Number(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        null => 0,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int ToWord(SaneOptionType type, double value) => type switch
    {
        SaneOptionType.FixedPoint => checked((int)Math.Round(value * FixedScale)),
        SaneOptionType.Bool => value != 0 ? 1 : 0,
        _ => checked((int)Math.Round(value)),
    };

    private static double Word(SaneOptionType type, int word) => type == SaneOptionType.FixedPoint ? word / FixedScale : word;

    private static double[] Words(byte[] buffer, SaneOption option)
    {
        var words = new double[option.Size / sizeof(int)];
        for (var i = 0; i < words.Length; i++) words[i] = Word(option.Type, BitConverter.ToInt32(buffer, i * sizeof(int)));
        return words;
    }
}
