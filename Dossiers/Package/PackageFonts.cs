using PdfSharp.Fonts;

namespace Intake.Dossiers.Package;

/// <summary>
/// The TrueType faces the dossier PDFs embed (PDF/A requires every font embedded): Debian's DejaVu
/// (fonts-dejavu-core), which has every precomposed Vietnamese letter. PDFsharp finds no system fonts on Linux, so
/// this resolver is installed as PDFsharp's fallback, unless another part of the process installed a resolver first.
/// </summary>
public sealed class PackageFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";
    public const string Serif = "DejaVu Serif";
    public const string Folder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        if (!File.Exists(Path.Combine(Folder, "DejaVuSans.ttf")))
        {
            throw new FileNotFoundException("Thiếu phông DejaVu / DejaVu fonts are missing: apt-get install fonts-dejavu-core");
        }

        // PDFsharp refuses a resolver once any font was used; a process that installed its own main resolver first
        // (a test page generator) keeps it, and every face it gives has the Vietnamese letters as well
        if (GlobalFontSettings.FontResolver is null && GlobalFontSettings.FallbackFontResolver is null)
        {
            GlobalFontSettings.FallbackFontResolver = new PackageFonts();
        }

        return true;
    });

    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            Mono => bold ? "DejaVuSansMono-Bold" : "DejaVuSansMono",
            Serif => bold ? "DejaVuSerif-Bold" : "DejaVuSerif",
            _ => bold ? "DejaVuSans-Bold" : "DejaVuSans",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
}
