using PdfSharp.Fonts;

namespace Intake.Bench.PageGenerator;

/// <summary>
/// PDFsharp finds no system fonts on Linux by itself; every face resolves to Debian's DejaVu Serif
/// (fonts-dejavu-core), which has every precomposed Vietnamese letter.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Serif";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSerif-Bold" : "DejaVuSerif");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));

    private static readonly Lazy<bool> Installed = new(() =>
    {
        if (!File.Exists(Path.Combine(Folder, "DejaVuSerif.ttf")))
            throw new FileNotFoundException("DejaVu Serif is missing: apt-get install fonts-dejavu-core");
        GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        return true;
    });

    public static void EnsureInstalled() => _ = Installed.Value;
}
