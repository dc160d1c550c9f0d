using System.Globalization;
using Intake.Dossiers.Package;
using Intake.Ocr;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>
/// Draws a synthetic citizen-ID card face (85.6 × 54 mm) of a <see cref="SyntheticCitizen"/> with PDFsharp, in the
/// layout of the guide: 2021 front with the QR top right and bilingual labels, 2021 back with the MRZ at the bottom,
/// 2024 front without QR, 2024 back with QR and MRZ. Text is DejaVu (every Vietnamese letter), the MRZ DejaVu Sans
/// Mono at the 2.54 mm pitch of OCR-B. The card is drawn into any XGraphics, so a flatbed page can place it turned.
/// </summary>
public static class CardRenderer
{
    public const double WidthMm = 85.6;
    public const double HeightMm = 54;

    private const double LineStepMm = 3.3;

    private static readonly XColor Tint2021 = XColor.FromArgb(214, 232, 226);
    private static readonly XColor Tint2024 = XColor.FromArgb(226, 222, 238);

    /// <summary>A one-page PDF of the card face, page size = card size.</summary>
    public static byte[] Pdf(SyntheticCitizen citizen, CardSide side)
    {
        PackageFonts.EnsureInstalled();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(WidthMm);
        page.Height = XUnit.FromMillimeter(HeightMm);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, citizen, side);
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Draws the card with its top-left corner at the current origin, in points.</summary>
    public static void Draw(XGraphics gfx, SyntheticCitizen citizen, CardSide side)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        ArgumentNullException.ThrowIfNull(citizen);
        var tint = side is CardSide.Front2021 or CardSide.Back2021 ? Tint2021 : Tint2024;
        gfx.DrawRectangle(new XPen(XColor.FromArgb(120, 130, 130), 0.6), new XSolidBrush(tint), 0, 0, Mm(WidthMm), Mm(HeightMm));
        switch (side)
        {
            case CardSide.Front2021:
                Front2021(gfx, citizen);
                break;
            case CardSide.Back2021:
                Back2021(gfx, citizen);
                break;
            case CardSide.Front2024:
                Front2024(gfx, citizen);
                break;
            default:
                Back2024(gfx, citizen);
                break;
        }
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static void Front2021(XGraphics gfx, SyntheticCitizen c)
    {
        Header(gfx, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], "CĂN CƯỚC CÔNG DÂN", "Citizen Identity Card", 33);
        Photo(gfx);
        Qr(gfx, c.QrPayload(), 66.5, 2.2, 17);
        var y = 19.0;
        Labelled(gfx, 23, ref y, "Số / No.: ", c.IdNumber);
        Labelled(gfx, 23, ref y, "Họ và tên / Full name:", null);
        Value(gfx, 23, ref y, c.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
        Labelled(gfx, 23, ref y, "Ngày sinh / Date of birth: ", Date(c.DateOfBirth));
        Labelled(gfx, 23, ref y, "Giới tính / Sex: ", (c.Sex == 'M' ? "Nam" : "Nữ") + "  ", "Quốc tịch / Nationality: ", "Việt Nam");
        Labelled(gfx, 23, ref y, "Quê quán / Place of origin:", null);
        Value(gfx, 23, ref y, c.PlaceOfOrigin);
        var (first, rest) = Split(c.PlaceOfResidence);
        Labelled(gfx, 23, ref y, "Nơi thường trú / Place of residence:", null);
        Value(gfx, 23, ref y, first);
        Value(gfx, 23, ref y, rest);
        var yExpiry = 42.5;
        Labelled(gfx, 2.5, ref yExpiry, "Có giá trị đến:", null, small: true);
        Value(gfx, 2.5, ref yExpiry, c.ExpiryDate is { } e ? Date(e) : "Không thời hạn", small: true);
    }

    private static void Back2021(XGraphics gfx, SyntheticCitizen c)
    {
        var y = 3.0;
        Labelled(gfx, 3, ref y, "Đặc điểm nhân dạng / Personal identification:", null);
        Value(gfx, 3, ref y, "Nốt ruồi C: 2cm dưới sau mép trái");
        Labelled(gfx, 3, ref y, "Ngày, tháng, năm / Date, month, year: ", Date(c.IssueDate));
        Value(gfx, 3, ref y, "CỤC TRƯỞNG CỤC CẢNH SÁT");
        Value(gfx, 3, ref y, "QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI");
        Fingerprints(gfx);
        Mrz(gfx, c);
    }

    private static void Front2024(XGraphics gfx, SyntheticCitizen c)
    {
        Header(gfx, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], "CĂN CƯỚC", "IDENTITY CARD", 46);
        Photo(gfx);
        var y = 19.0;
        Labelled(gfx, 23, ref y, "Số định danh cá nhân / Personal identification number:", null);
        Value(gfx, 23, ref y, c.IdNumber);
        Labelled(gfx, 23, ref y, "Họ, chữ đệm và tên khai sinh / Full name:", null);
        Value(gfx, 23, ref y, c.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
        Labelled(gfx, 23, ref y, "Ngày, tháng, năm sinh / Date of birth: ", Date(c.DateOfBirth));
        Labelled(gfx, 23, ref y, "Giới tính / Sex: ", (c.Sex == 'M' ? "Nam" : "Nữ") + "  ", "Quốc tịch / Nationality: ", "Việt Nam");
    }

    private static void Back2024(XGraphics gfx, SyntheticCitizen c)
    {
        var y = 3.0;
        var (first, rest) = Split(c.PlaceOfResidence);
        Labelled(gfx, 3, ref y, "Nơi cư trú / Place of residence:", null);
        Value(gfx, 3, ref y, first);
        Value(gfx, 3, ref y, rest);
        Labelled(gfx, 3, ref y, "Nơi đăng ký khai sinh / Place of birth:", null);
        Value(gfx, 3, ref y, c.PlaceOfOrigin);
        Labelled(gfx, 3, ref y, "Ngày, tháng, năm cấp / Date of issue: ", Date(c.IssueDate));
        Labelled(gfx, 3, ref y, "Ngày, tháng, năm hết hạn / Date of expiry: ", c.ExpiryDate is { } e ? Date(e) : "Không thời hạn");
        Value(gfx, 3, ref y, "BỘ CÔNG AN");
        Qr(gfx, c.QrPayload(), 67.5, 2, 16);
        Mrz(gfx, c);
    }

    private static void Header(XGraphics gfx, string[] lines, string title, string subtitle, double centreMm)
    {
        var small = Font(PackageFonts.Sans, 5.2, bold: true);
        var y = 2.2;
        foreach (var line in lines)
        {
            gfx.DrawString(line, small, XBrushes.Black, new XRect(Mm(centreMm - 30), Mm(y), Mm(60), Mm(2.4)), XStringFormats.TopCenter);
            y += 2.5;
        }

        gfx.DrawString(title, Font(PackageFonts.Sans, 8.5, bold: true), new XSolidBrush(XColor.FromArgb(170, 20, 20)),
            new XRect(Mm(centreMm - 30), Mm(y + 0.8), Mm(60), Mm(3.6)), XStringFormats.TopCenter);
        gfx.DrawString(subtitle, small, XBrushes.Black, new XRect(Mm(centreMm - 30), Mm(y + 4.8), Mm(60), Mm(2.4)), XStringFormats.TopCenter);
    }

    private static void Photo(XGraphics gfx) =>
        gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(168, 172, 176)), Mm(3), Mm(17), Mm(18), Mm(24));

    private static void Fingerprints(XGraphics gfx)
    {
        var brush = new XSolidBrush(XColor.FromArgb(190, 190, 190));
        gfx.DrawRectangle(brush, Mm(60), Mm(3), Mm(11), Mm(14));
        gfx.DrawRectangle(brush, Mm(72.5), Mm(3), Mm(11), Mm(14));
        gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(205, 175, 90)), Mm(63), Mm(21), Mm(11), Mm(8.5));
    }

    private static void Qr(XGraphics gfx, string payload, double xMm, double yMm, double sizeMm)
    {
        // a bitmap of one pixel per module (quiet zone included), drawn without interpolation, as a card printer would
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var pixels = new byte[n * n];
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                pixels[(row * n) + column] = matrix[row][column] ? (byte)0 : (byte)255;
            }
        }

        using var bitmap = Intake.Imaging.Image.FromPixels(pixels, n, n, 1, n, 72, 72);
        using var stream = new MemoryStream(bitmap.Encode(".png"));
        using var image = XImage.FromStream(stream);
        image.Interpolate = false;
        gfx.DrawImage(image, Mm(xMm), Mm(yMm), Mm(sizeMm), Mm(sizeMm));
    }

    private static void Mrz(XGraphics gfx, SyntheticCitizen c)
    {
        gfx.DrawRectangle(XBrushes.White, Mm(1.5), Mm(35.5), Mm(WidthMm - 3), Mm(17));
        var font = Font(PackageFonts.Mono, 11);
        var y = 36.6;
        foreach (var line in c.MrzLines())
        {
            gfx.DrawString(line, font, XBrushes.Black, new XPoint(Mm(7.8), Mm(y)), XStringFormats.TopLeft);
            y += 5.0;
        }
    }

    private static void Labelled(XGraphics gfx, double xMm, ref double yMm, string label, string? value, string? label2 = null, string? value2 = null, bool small = false)
    {
        var labelFont = Font(PackageFonts.Sans, small ? 5.5 : 6);
        var valueFont = Font(PackageFonts.Sans, small ? 6 : 7.6, bold: true);
        var x = Mm(xMm);
        x = Put(gfx, label, labelFont, x, yMm);
        if (value is not null)
        {
            x = Put(gfx, value, valueFont, x, yMm);
        }

        if (label2 is not null)
        {
            x = Put(gfx, label2, labelFont, x, yMm);
            _ = Put(gfx, value2 ?? string.Empty, valueFont, x, yMm);
        }

        yMm += LineStepMm;
    }

    private static void Value(XGraphics gfx, double xMm, ref double yMm, string value, bool small = false)
    {
        _ = Put(gfx, value, Font(PackageFonts.Sans, small ? 6 : 7.6, bold: true), Mm(xMm), yMm);
        yMm += LineStepMm;
    }

    private static double Put(XGraphics gfx, string text, XFont font, double x, double yMm)
    {
        // baseline-aligned so labels and values of different sizes sit on one line, as OCR expects
        gfx.DrawString(text, font, XBrushes.Black, new XPoint(x, Mm(yMm + 2.6)), XStringFormats.BaseLineLeft);
        return x + gfx.MeasureString(text, font).Width;
    }

    /// <summary>An address split at the comma nearest its middle, so it fits the card in two lines.</summary>
    private static (string First, string Second) Split(string address)
    {
        var commas = Enumerable.Range(0, address.Length).Where(i => address[i] == ',').ToArray();
        if (commas.Length == 0)
        {
            return (address, string.Empty);
        }

        var cut = commas.MinBy(i => Math.Abs(i - (address.Length / 2)));
        return (address[..(cut + 1)], address[(cut + 1)..].Trim());
    }

    /// <summary>
    /// The whole font file is embedded: PDFsharp's subsets drop the components of composite glyphs, so letters
    /// such as ố and Ệ would print without their marks.
    /// </summary>
    private static XFont Font(string family, double size, bool bold = false) =>
        new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile));

    private static double Mm(double mm) => XUnit.FromMillimeter(mm).Point;
}
