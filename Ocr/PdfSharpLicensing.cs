using PdfSharp;

namespace Intake.Ocr;

/// <summary>
/// PDFsharp 6.5 refuses to work until a licence is loaded. We load its free AGPL licence, which binds
/// the whole appliance to the AGPL; a deployment that cannot accept that must load a commercial key
/// here instead (docs/architecture.md, "Licences").
/// </summary>
public static class PdfSharpLicensing
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        PdfSharpLicense.SetAgplLicense();
        return true;
    });

    public static void EnsureLoaded() => _ = Loaded.Value;
}
