using System.Runtime.InteropServices;

namespace Intake.Ocr.Native;

/// <summary>Tesseract 5's C API (tesseract/capi.h) as we use it, and nothing else.</summary>
internal static partial class TesseractNative
{
    private const string Library = "libtesseract.so.5";

    internal const int OemLstmOnly = 1;
    internal const int OemDefault = 3;
    internal const int PsmAuto = 3;
    internal const int PsmSingleLine = 7;
    internal const int RilBlock = 0;
    internal const int RilTextLine = 2;
    internal const int RilWord = 3;

    [LibraryImport(Library, EntryPoint = "TessVersion")]
    internal static partial nint Version();

    [LibraryImport(Library, EntryPoint = "TessDeleteText")]
    internal static partial void DeleteText(nint text);

    [LibraryImport(Library, EntryPoint = "TessBaseAPICreate")]
    internal static partial TessBaseApiHandle Create();

    [LibraryImport(Library, EntryPoint = "TessBaseAPIDelete")]
    internal static partial void Delete(nint api);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIEnd")]
    internal static partial void End(nint api);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIInit2", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Init2(TessBaseApiHandle api, string dataPath, string language, int oem);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetVariable", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool SetVariable(TessBaseApiHandle api, string name, string value);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetPageSegMode")]
    internal static partial void SetPageSegMode(TessBaseApiHandle api, int mode);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetImage")]
    internal static partial void SetImage(TessBaseApiHandle api, nint data, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetSourceResolution")]
    internal static partial void SetSourceResolution(TessBaseApiHandle api, int ppi);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIRecognize")]
    internal static partial int Recognize(TessBaseApiHandle api, nint monitor);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIGetUTF8Text")]
    internal static partial nint GetUtf8Text(TessBaseApiHandle api);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIGetHOCRText")]
    internal static partial nint GetHocrText(TessBaseApiHandle api, int pageNumber);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIMeanTextConf")]
    internal static partial int MeanTextConf(TessBaseApiHandle api);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIClear")]
    internal static partial void Clear(TessBaseApiHandle api);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIGetIterator")]
    internal static partial nint GetIterator(TessBaseApiHandle api);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorDelete")]
    internal static partial void ResultIteratorDelete(nint iterator);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorNext")]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool ResultIteratorNext(nint iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorGetUTF8Text")]
    internal static partial nint ResultIteratorGetUtf8Text(nint iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorConfidence")]
    internal static partial float ResultIteratorConfidence(nint iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorGetPageIteratorConst")]
    internal static partial nint ResultIteratorGetPageIterator(nint iterator);

    [LibraryImport(Library, EntryPoint = "TessPageIteratorIsAtBeginningOf")]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool PageIteratorIsAtBeginningOf(nint iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessPageIteratorBoundingBox")]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool PageIteratorBoundingBox(nint iterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library, EntryPoint = "TessPDFRendererCreate", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint PdfRendererCreate(string outputBase, string dataDir, [MarshalAs(UnmanagedType.Bool)] bool textOnly);

    [LibraryImport(Library, EntryPoint = "TessDeleteResultRenderer")]
    internal static partial void DeleteResultRenderer(nint renderer);

    [LibraryImport(Library, EntryPoint = "TessResultRendererBeginDocument", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool RendererBeginDocument(nint renderer, string title);

    [LibraryImport(Library, EntryPoint = "TessResultRendererAddImage")]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool RendererAddImage(nint renderer, TessBaseApiHandle api);

    [LibraryImport(Library, EntryPoint = "TessResultRendererEndDocument")]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool RendererEndDocument(nint renderer);

    internal const int PsmOsdOnly = 0;

    /// <summary>
    /// Tesseract's orientation and script detection (legacy engine, osd.traineddata). orient_deg is how
    /// far the page's text is turned from upright, in quarter turns times 90; script_name points into
    /// the engine's own tables and must not be freed.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "TessBaseAPIDetectOrientationScript")]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool DetectOrientationScript(TessBaseApiHandle api, out int orientDegrees, out float orientConfidence, out nint scriptName, out float scriptConfidence);

    /// <summary>Copies a string Tesseract owns (static), without freeing it.</summary>
    internal static string TakeTextNoFree(nint text) => text == 0 ? "" : Marshal.PtrToStringUTF8(text) ?? "";

    /// <summary>Copies a string Tesseract allocated and frees it with TessDeleteText.</summary>
    internal static string TakeText(nint text)
    {
        if (text == 0) return "";
        try
        {
            return Marshal.PtrToStringUTF8(text) ?? "";
        }
        finally
        {
            DeleteText(text);
        }
    }
}
