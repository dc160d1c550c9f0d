using PdfSharp.Fonts;

namespace Intake.Bench.PageGenerator;

/// <summary>
/// PDFsharp finds no system fonts on Linux by itself; every face resolves to Debian's DejaVu Serif
/// (fonts-dejavu-core), which has every precomposed Vietnamese letter, except the other DejaVu families
/// named in <see cref="Families"/> (for pages in more than one typeface).
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Serif";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";

    /// <summary>
    /// The families resolved to their own faces (fonts-dejavu-core); any other name is DejaVu Serif. Not DejaVu Sans
    /// Mono: it lacks most precomposed Vietnamese letters (ấ, ề, ố print as empty boxes).
    /// </summary>
    public static IReadOnlyList<string> Families { get; } = [Family, "DejaVu Sans"];

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            "DejaVu Sans" => "DejaVuSans",
            _ => "DejaVuSerif",
        };
        return new(bold ? face + "-Bold" : face);
    }

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
