using System.Text;

namespace Intake.Kiosk.Host.Hardware.Printer;

/// <summary>
/// The ESC/POS bytes of a receipt (Epson ESC/POS command reference, TM-T88 series; the commands used here are the
/// common subset every ESC/POS roll printer accepts). Vietnamese text goes out in Windows-1258 (ESC t 52, "WPC1258"):
/// the letters with circumflex, breve or horn are precomposed there and the five tone marks are combining bytes.
/// </summary>
internal static class EscPos
{
    public static readonly byte[] Initialize = [0x1B, 0x40];                 // ESC @
    public static readonly byte[] CodePage1258 = [0x1B, 0x74, 52];           // ESC t 52
    public static readonly byte[] AlignLeft = [0x1B, 0x61, 0];               // ESC a 0
    public static readonly byte[] AlignCenter = [0x1B, 0x61, 1];             // ESC a 1
    public static readonly byte[] BoldOn = [0x1B, 0x45, 1];                  // ESC E 1
    public static readonly byte[] BoldOff = [0x1B, 0x45, 0];                 // ESC E 0
    public static readonly byte[] DoubleSize = [0x1D, 0x21, 0x11];           // GS ! 0x11
    public static readonly byte[] NormalSize = [0x1D, 0x21, 0x00];           // GS ! 0
    public static readonly byte[] FeedAndCut = [0x1D, 0x56, 0x42, 0x03];     // GS V 66 3: feed 3 dots, partial cut
    public static readonly byte[] QrModel2 = [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]; // GS ( k fn 165
    public static readonly byte[] QrPrint = [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30];        // GS ( k fn 181

    private static readonly Encoding Windows1258 = CreateEncoding();
    private static readonly HashSet<char> ToneMarks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    /// <summary>The receipt as one print job: header, fields, the QR code, a cut.</summary>
    public static byte[] Render(Receipt receipt, int columns)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        using var job = new MemoryStream();
        Write(job, Initialize, CodePage1258, AlignCenter, BoldOn, DoubleSize);
        Line(job, Receipt.Title);
        Write(job, NormalSize, BoldOff);
        Line(job, Receipt.TitleInEnglish);
        Line(job, new string('-', columns));
        Write(job, AlignLeft);
        foreach (var (label, value) in receipt.Fields) Field(job, label, value, columns);
        Write(job, AlignCenter);
        Write(job, QrCode(receipt.QrPayload, moduleDots: 6));
        Line(job, Receipt.LookUp);
        Write(job, FeedAndCut);
        return job.ToArray();
    }

    /// <summary>
    /// GS ( k: select model 2, module size, error correction level M, store the data, print it. The store command's
    /// length is pL + 256·pH = data bytes + 3 (cn, fn, m).
    /// </summary>
    public static byte[] QrCode(string payload, int moduleDots)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        if (data.Length > 7089) throw new ArgumentException("Dữ liệu QR quá dài / QR payload too long", nameof(payload));
        var length = data.Length + 3;
        return
        [
            .. QrModel2,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, (byte)moduleDots, // fn 167: module size in dots
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,             // fn 169: error correction M
            0x1D, 0x28, 0x6B, (byte)(length & 0xFF), (byte)(length >> 8), 0x31, 0x50, 0x30, .. data, // fn 180: store
            .. QrPrint,
        ];
    }

    /// <summary>
    /// Vietnamese (NFC) in Windows-1258: each letter is split into its base with circumflex, breve or horn (precomposed
    /// in 1258) and its tone mark (a combining byte). A character 1258 lacks prints as '?'.
    /// </summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length + 8);
        foreach (var letter in text.Normalize(NormalizationForm.FormC))
        {
            var parts = letter.ToString().Normalize(NormalizationForm.FormD);
            var tones = parts.Where(ToneMarks.Contains).ToArray();
            var baseLetter = new string(parts.Where(c => !ToneMarks.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC);
            output.Append(baseLetter).Append(tones);
        }
        return Windows1258.GetBytes(output.ToString());
    }

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }

    /// <summary>Label and value on one line, the value flush right; a value too long for that goes on its own line.</summary>
    private static void Field(Stream job, string label, string value, int columns)
    {
        var gap = columns - label.Length - value.Length;
        if (gap >= 1)
        {
            Line(job, label + new string(' ', gap) + value);
            return;
        }
        Line(job, label);
        Line(job, value.Length < columns ? new string(' ', columns - value.Length) + value : value);
    }

    private static void Line(Stream job, string text)
    {
        job.Write(Encode(text));
        job.WriteByte(0x0A);
    }

    private static void Write(Stream job, params byte[][] commands)
    {
        foreach (var command in commands) job.Write(command);
    }
}
