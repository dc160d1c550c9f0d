using System.Globalization;
using System.Security;
using System.Text;
using QRCoder;

namespace Intake.Dossiers.Tests.Fixtures.RealCard;

/// <summary>
/// Draws a card face as SVG in millimetres (85.6 × 54, ID-1), laid out as real cards are printed and as the external
/// samples in ../shared/corpus/cccd-samples look: a tinted body under a faint guilloche, a tinted header band, the
/// bold 12-digit number on the same line as "Số / No.:" (2021) or under "Số định danh cá nhân" (2024), the QR top
/// right at 0.33-0.40 mm per module with a one-module quiet zone ending about a millimetre from the card's edge, and
/// on the back a white MRZ band reaching the card's edges, in OCR-B (Debian fonts-ocr-b) at the ICAO 9303 size: a
/// 2.54 mm character pitch and a 2.3 mm cap height. Independent of <see cref="CardRenderer"/>: SVG rendered by
/// librsvg, not PDFsharp.
/// </summary>
public static class RealCardSvg
{
    public const double WidthMm = 85.6;
    public const double HeightMm = 54;

    /// <summary>ICAO 9303 part 3: OCR-B size 1, 10 characters per inch.</summary>
    public const double MrzPitchMm = 2.54;

    // OCR-B (fonts-ocr-b OCRB.otf): cap height 701 and advance 723 per 1000 units of the em
    private const double MrzCapHeightMm = 2.3;
    private const double OcrBCapHeightPerEm = 0.701;

    private const string Sans = "DejaVu Sans";
    private const string Red = "#b3181f";

    /// <param name="variation">Seeds the small per-card variations: QR module size and place, MRZ offset, tints.</param>
    public static string Draw(FakeCardHolder holder, RealCardFace face, int variation)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var random = new Random(variation);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns='http://www.w3.org/2000/svg' width='{WidthMm}mm' height='{HeightMm}mm' viewBox='0 0 {WidthMm} {HeightMm}'>");
        var generation2021 = face is RealCardFace.Front2021 or RealCardFace.Back2021;
        var body = generation2021 ? Shade("#e2ebee", random) : Shade("#f2ebe1", random);
        var band = generation2021 ? Shade("#f4e4c8", random) : Shade("#d9e5ef", random);
        Rect(svg, 0, 0, WidthMm, HeightMm, body);
        Guilloche(svg, generation2021 ? "#9db6c2" : "#c9a98a", random);
        switch (face)
        {
            case RealCardFace.Front2021:
                Front2021(svg, holder, band, random);
                break;
            case RealCardFace.Back2021:
                Back2021(svg, holder, random);
                break;
            case RealCardFace.Front2024:
                Front2024(svg, holder, band);
                break;
            default:
                Back2024(svg, holder, random);
                break;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static void Front2021(StringBuilder svg, FakeCardHolder h, string band, Random random)
    {
        Rect(svg, 0, 0, WidthMm, 13.6, band);
        Emblem(svg, 8.2, 7.4);
        Centred(svg, 42.5, 4.0, 1.85, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true);
        Centred(svg, 42.5, 6.4, 1.75, "Độc lập - Tự do - Hạnh phúc", bold: true);
        Centred(svg, 42.5, 10.0, 3.0, "CĂN CƯỚC CÔNG DÂN", bold: true, fill: Red);
        Centred(svg, 42.5, 12.6, 1.75, "Citizen Identity Card", bold: true);
        Qr(svg, h.QrPayload(), random);
        Portrait(svg);
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x='23.5' y='19.6' font-family='{Sans}' font-size='2.0'>Số / No.:<tspan dx='2.2' font-size='3.4' font-weight='bold'>{h.IdNumber}</tspan></text>");
        Text(svg, 23.5, 23.2, 1.9, "Họ và tên / Full name:");
        Text(svg, 23.5, 26.6, 2.7, h.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), bold: true);
        Pair(svg, 23.5, 30.1, "Ngày sinh / Date of birth:", Date(h.DateOfBirth));
        Pair(svg, 23.5, 33.3, "Giới tính / Sex:", h.Male ? "Nam" : "Nữ");
        Pair(svg, 48.5, 33.3, "Quốc tịch / Nationality:", "Việt Nam");
        Text(svg, 23.5, 36.6, 1.9, "Quê quán / Place of origin:");
        Text(svg, 23.5, 39.6, 2.2, h.PlaceOfOrigin);
        var (first, second) = Split(h.PlaceOfResidence);
        Text(svg, 23.5, 43.0, 1.9, "Nơi thường trú / Place of residence:");
        Text(svg, 23.5, 46.0, 2.2, first);
        Text(svg, 23.5, 49.0, 2.2, second);
        Text(svg, 3.0, 42.4, 1.55, "Có giá trị đến:");
        Text(svg, 3.0, 44.9, 1.9, h.ExpiryDate is { } e ? Date(e) : "Không thời hạn");
    }

    private static void Back2021(StringBuilder svg, FakeCardHolder h, Random random)
    {
        Text(svg, 3.0, 4.4, 1.9, "Đặc điểm nhân dạng / Personal identification:");
        Text(svg, 3.0, 7.2, 2.1, "Sẹo chấm C: 1cm trên sau đầu mày phải");
        Pair(svg, 3.0, 11.6, "Ngày, tháng, năm / Date, month, year:", Date(h.IssueDate));
        Centred(svg, 31.0, 15.2, 1.75, "CỤC TRƯỞNG CỤC CẢNH SÁT", bold: true);
        Centred(svg, 31.0, 17.6, 1.75, "QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI", bold: true);
        Seal(svg, 29.0, 24.5);
        Signature(svg, 24.0, 25.0);
        Centred(svg, 31.0, 33.0, 2.0, "Lê Quang Hòa", bold: true);
        Chip(svg, 4.0, 21.5);
        Fingerprint(svg, 60.0, 2.4, "Ngón trỏ trái");
        Fingerprint(svg, 72.6, 2.4, "Ngón trỏ phải");
        Mrz(svg, h, random);
    }

    /// <summary>Labels as the 2024 card prints them (Circular 16/2024/TT-BCA, as reported by the press at its launch).</summary>
    private static void Front2024(StringBuilder svg, FakeCardHolder h, string band)
    {
        Rect(svg, 0, 0, WidthMm, 13.6, band);
        Emblem(svg, 8.2, 7.4);
        Centred(svg, 46.5, 4.0, 1.85, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true);
        Centred(svg, 46.5, 6.4, 1.75, "Độc lập - Tự do - Hạnh phúc", bold: true);
        Centred(svg, 46.5, 10.1, 3.3, "CĂN CƯỚC", bold: true, fill: Red);
        Centred(svg, 46.5, 12.7, 1.75, "IDENTITY CARD", bold: true);
        Portrait(svg);
        Text(svg, 23.5, 18.4, 1.8, "Số định danh cá nhân / Personal identification number:");
        Text(svg, 23.5, 22.4, 3.4, h.IdNumber, bold: true);
        Text(svg, 23.5, 26.0, 1.9, "Họ, chữ đệm và tên khai sinh / Full name:");
        Text(svg, 23.5, 29.6, 2.7, h.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), bold: true);
        Pair(svg, 23.5, 33.3, "Ngày, tháng, năm sinh / Date of birth:", Date(h.DateOfBirth));
        Pair(svg, 23.5, 36.7, "Giới tính / Sex:", h.Male ? "Nam" : "Nữ");
        Pair(svg, 48.5, 36.7, "Quốc tịch / Nationality:", "Việt Nam");
    }

    private static void Back2024(StringBuilder svg, FakeCardHolder h, Random random)
    {
        var (first, second) = Split(h.PlaceOfResidence);
        Text(svg, 3.0, 4.4, 1.9, "Nơi cư trú / Place of residence:");
        Text(svg, 3.0, 7.3, 2.2, first);
        Text(svg, 3.0, 10.2, 2.2, second);
        Text(svg, 3.0, 13.6, 1.9, "Nơi đăng ký khai sinh / Place of birth:");
        Text(svg, 3.0, 16.5, 2.2, h.PlaceOfOrigin);
        Pair(svg, 3.0, 20.0, "Ngày, tháng, năm cấp / Date of issue:", Date(h.IssueDate));
        Pair(svg, 3.0, 23.2, "Ngày, tháng, năm hết hạn / Date of expiry:", h.ExpiryDate is { } e ? Date(e) : "Không thời hạn");
        Text(svg, 40.0, 27.2, 2.0, "BỘ CÔNG AN", bold: true);
        Seal(svg, 45.0, 31.0);
        Signature(svg, 38.0, 31.5);
        Chip(svg, 5.0, 26.0);
        Qr(svg, h.QrPayload(), random);
        Mrz(svg, h, random);
    }

    /// <summary>The white MRZ band, from about 16 mm above the bottom edge to the edges; three lines at the ICAO pitch.</summary>
    private static void Mrz(StringBuilder svg, FakeCardHolder h, Random random)
    {
        var top = HeightMm - 16.2 + (random.NextDouble() * 0.8);
        Rect(svg, 0, top, WidthMm, HeightMm - top, "#ffffff");
        var fontSize = MrzCapHeightMm / OcrBCapHeightPerEm;
        var left = ((WidthMm - (30 * MrzPitchMm)) / 2) + ((random.NextDouble() - 0.5) * 1.2);
        var baseline = top + 4.6;
        foreach (var line in h.Mrz())
        {
            // one text element per character: the pitch is the standard's, not the font's advance
            for (var i = 0; i < line.Length; i++)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x='{left + (i * MrzPitchMm):0.###}' y='{baseline:0.###}' font-family='OCR B' font-size='{fontSize:0.###}'>{Escape(line[i].ToString())}</text>");
            }

            baseline += 4.6;
        }
    }

    /// <summary>The QR top right: 0.33-0.40 mm modules, ECC L, one white module around it, ending 0.5-1.5 mm from the edges.</summary>
    private static void Qr(StringBuilder svg, string payload, Random random)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.L, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        const int border = 4; // QRCoder's matrix carries the standard's four-module quiet zone; real cards print one
        var n = matrix.Count - (2 * border);
        var module = 0.33 + (random.NextDouble() * 0.07);
        var size = n * module;
        var x = WidthMm - 0.5 - random.NextDouble() - module - size;
        var y = 0.6 + random.NextDouble() + module;
        Rect(svg, x - module, y - module, size + (2 * module), size + (2 * module), "#ffffff");
        svg.Append(CultureInfo.InvariantCulture,
            $"<path shape-rendering='crispEdges' fill='#111' transform='translate({x:0.####} {y:0.####}) scale({module:0.#####})' d='");
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                if (matrix[row + border][column + border])
                {
                    svg.Append(CultureInfo.InvariantCulture, $"M{column} {row}h1v1h-1z");
                }
            }
        }

        svg.Append("'/>");
    }

    private static void Guilloche(StringBuilder svg, string colour, Random random)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g fill='none' stroke='{colour}' stroke-width='0.07' opacity='0.45'>");
        var phase = random.NextDouble() * 6;
        for (var k = 0; k < 18; k++)
        {
            var path = new StringBuilder();
            for (var x = 0.0; x <= WidthMm; x += 1.0)
            {
                var y = 3 + (k * 2.9) + (1.3 * Math.Sin((x / 6.5) + phase + (k * 0.7)));
                path.Append(CultureInfo.InvariantCulture, $"{(x == 0 ? 'M' : 'L')}{x:0.##} {y:0.##}");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<path d='{path}'/>");
        }

        svg.Append("</g>");
    }

    private static void Emblem(StringBuilder svg, double cx, double cy)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx='{cx}' cy='{cy}' r='5.4' fill='#d9a520'/><circle cx='{cx}' cy='{cy}' r='4.5' fill='{Red}'/>");
        var star = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? 2.6 : 1.05;
            var a = (-Math.PI / 2) + (i * Math.PI / 5);
            star.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{cx + (r * Math.Cos(a)):0.###} {cy + (r * Math.Sin(a)):0.###}");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<path d='{star}z' fill='#f6d44a'/>");
    }

    private static void Portrait(StringBuilder svg)
    {
        Rect(svg, 3.0, 15.4, 18.0, 24.0, "#c9d3db");
        svg.Append("<ellipse cx='12' cy='24' rx='4.6' ry='5.8' fill='#8d8f94'/><path d='M3.5 39.4 Q12 27 20.5 39.4 z' fill='#5f6670'/>");
    }

    private static void Chip(StringBuilder svg, double x, double y)
    {
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x='{x}' y='{y}' width='11' height='8.6' rx='1.2' fill='#d4b45e' stroke='#8a7430' stroke-width='0.15'/>" +
            $"<path d='M{x} {y + 4.3}h11M{x + 5.5} {y}v8.6M{x + 3} {y + 2}v4.6M{x + 8} {y + 2}v4.6' stroke='#8a7430' stroke-width='0.15'/>");
    }

    private static void Fingerprint(StringBuilder svg, double x, double y, string label)
    {
        Rect(svg, x, y, 11.0, 15.2, "#f4f6f7");
        svg.Append("<g fill='none' stroke='#7a7f86' stroke-width='0.18'>");
        for (var r = 0.8; r < 5.6; r += 0.7)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<ellipse cx='{x + 5.5}' cy='{y + 7.8}' rx='{r * 0.85:0.##}' ry='{r * 1.25:0.##}'/>");
        }

        svg.Append("</g>");
        Centred(svg, x + 5.5, y + 17.2, 1.4, label);
    }

    private static void Seal(StringBuilder svg, double cx, double cy) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<circle cx='{cx}' cy='{cy}' r='5.2' fill='none' stroke='#d2353b' stroke-width='0.35' opacity='0.55'/><circle cx='{cx}' cy='{cy}' r='3.6' fill='none' stroke='#d2353b' stroke-width='0.2' opacity='0.55'/>");

    private static void Signature(StringBuilder svg, double x, double y) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<path d='M{x} {y + 2} q2 -4 4 0 t4 -1 q1.5 -3 3 1 t3 -2' fill='none' stroke='#1b2a6b' stroke-width='0.3'/>");

    private static void Pair(StringBuilder svg, double x, double y, string label, string value) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x='{x}' y='{y}' font-family='{Sans}' font-size='1.9'>{Escape(label)}<tspan dx='1.2' font-size='2.2'>{Escape(value)}</tspan></text>");

    private static void Text(StringBuilder svg, double x, double y, double size, string text, bool bold = false)
    {
        var weight = bold ? " font-weight='bold'" : string.Empty;
        svg.Append(CultureInfo.InvariantCulture, $"<text x='{x}' y='{y}' font-family='{Sans}' font-size='{size}'{weight}>{Escape(text)}</text>");
    }

    private static void Centred(StringBuilder svg, double x, double y, double size, string text, bool bold = false, string fill = "#000")
    {
        var weight = bold ? " font-weight='bold'" : string.Empty;
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x='{x}' y='{y}' text-anchor='middle' font-family='{Sans}' font-size='{size}' fill='{fill}'{weight}>{Escape(text)}</text>");
    }

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string fill) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect x='{x:0.###}' y='{y:0.###}' width='{width:0.###}' height='{height:0.###}' fill='{fill}'/>");

    /// <summary>A colour nudged by a few levels per channel: no two print runs are the same.</summary>
    private static string Shade(string hex, Random random)
    {
        int Channel(int at) => Math.Clamp(Convert.ToInt32(hex.Substring(at, 2), 16) + random.Next(-5, 6), 0, 255);
        return string.Create(CultureInfo.InvariantCulture, $"#{Channel(1):x2}{Channel(3):x2}{Channel(5):x2}");
    }

    /// <summary>An address split at the comma nearest its middle: two printed lines.</summary>
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

    private static string Escape(string text) => SecurityElement.Escape(text);
}
