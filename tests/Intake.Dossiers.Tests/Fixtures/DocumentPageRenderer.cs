using System.Globalization;
using Intake.Dossiers.Package;
using Intake.Ocr;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Intake.Dossiers.Tests.Fixtures;

/// <summary>
/// Synthetic A4 civil-status pages about a <see cref="SyntheticCitizen"/>, set like administrative documents
/// (serif, 13 pt): a birth certificate (Giấy khai sinh) of the citizen's child, a CT07 residence confirmation, and the
/// two pages of a birth-registration application form (Tờ khai đăng ký khai sinh) signed by the citizen.
/// </summary>
public static class DocumentPageRenderer
{
    public static byte[] BirthCertificate(SyntheticCitizen parent) => Pdf(
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "GIẤY KHAI SINH",
        "",
        $"Họ, chữ đệm, tên: {Child(parent).ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
        "Ngày, tháng, năm sinh: 05/09/2019",
        "Giới tính: Nam     Dân tộc: Kinh     Quốc tịch: Việt Nam",
        $"Nơi sinh: Bệnh viện Phụ sản, {Province(parent)}",
        $"Quê quán: {parent.PlaceOfOrigin}",
        $"Họ, chữ đệm, tên người {(parent.Sex == 'M' ? "cha" : "mẹ")}: {parent.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
        $"Năm sinh: {parent.DateOfBirth.Year}     Dân tộc: Kinh     Quốc tịch: Việt Nam",
        $"Nơi cư trú: {parent.PlaceOfResidence}",
        "Số: 125     Quyển số: 01/2019",
        "Nơi đăng ký khai sinh: Ủy ban nhân dân phường",
        "Ngày, tháng, năm đăng ký: 20/09/2019",
    ]);

    public static byte[] ResidenceConfirmation(SyntheticCitizen citizen) => Pdf(
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mẫu CT07",
        "XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ",
        "",
        $"1. Họ, chữ đệm và tên: {citizen.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
        $"2. Ngày, tháng, năm sinh: {CardRenderer.Date(citizen.DateOfBirth)}",
        $"3. Giới tính: {(citizen.Sex == 'M' ? "Nam" : "Nữ")}",
        $"4. Số định danh cá nhân: {citizen.IdNumber}",
        $"5. Nơi thường trú: {citizen.PlaceOfResidence}",
        "6. Nơi tạm trú: Không",
        "7. Nơi ở hiện tại: như nơi thường trú",
        "Thông tin về cư trú được xác nhận có giá trị 01 năm kể từ ngày cấp.",
    ]);

    /// <summary>Page 1 or 2 of the birth-registration form the citizen fills in for a child.</summary>
    public static byte[] BirthRegistrationForm(SyntheticCitizen declarant, int page = 1) => page == 1
        ? Pdf(
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "",
            "TỜ KHAI ĐĂNG KÝ KHAI SINH",
            "Kính gửi: Ủy ban nhân dân phường",
            "",
            $"Họ, chữ đệm, tên người yêu cầu: {declarant.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
            $"Số định danh cá nhân: {declarant.IdNumber}",
            $"Nơi cư trú: {declarant.PlaceOfResidence}",
            "Quan hệ với người được khai sinh: cha/mẹ",
            "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
            $"Họ, chữ đệm, tên: {Child(declarant).ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
            "Ngày, tháng, năm sinh: 05/09/2019",
            "Giới tính: Nam     Dân tộc: Kinh     Quốc tịch: Việt Nam",
        ])
        : Pdf(
        [
            $"Nơi sinh: Bệnh viện Phụ sản, {Province(declarant)}",
            $"Quê quán: {declarant.PlaceOfOrigin}",
            "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật,",
            "được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật.",
            "Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.",
            "",
            "Làm tại: Ủy ban nhân dân phường, ngày 20 tháng 09 năm 2019",
            "Người yêu cầu (ký, ghi rõ họ, chữ đệm, tên)",
            "",
            declarant.FullName,
        ]);

    // PDFsharp's font subsets drop the parts of composite glyphs (ố, Ệ): embed the whole font
    private static readonly XPdfFontOptions FullFont = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    private static string Child(SyntheticCitizen parent) => $"{parent.FamilyName} Minh Khoa";

    private static string Province(SyntheticCitizen citizen) => citizen.PlaceOfResidence.Split(',')[^1].Trim();

    private static byte[] Pdf(IReadOnlyList<string> lines)
    {
        PackageFonts.EnsureInstalled();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var body = new XFont(PackageFonts.Serif, 12, XFontStyleEx.Regular, FullFont);
            var title = new XFont(PackageFonts.Serif, 14, XFontStyleEx.Bold, FullFont);
            var y = XUnit.FromMillimeter(25).Point;
            var left = XUnit.FromMillimeter(22).Point;
            foreach (var line in lines)
            {
                var isTitle = line.Any(char.IsLetter) && !line.Any(char.IsLower);
                if (isTitle)
                {
                    gfx.DrawString(line, title, XBrushes.Black, new XRect(0, y, page.Width.Point, 20), XStringFormats.TopCenter);
                }
                else
                {
                    gfx.DrawString(line, body, XBrushes.Black, new XPoint(left, y), XStringFormats.TopLeft);
                }

                y += isTitle ? 24 : 21;
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
