using System.Text.Json;
using FluentAssertions;
using Intake.Bench.PageGenerator;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>
/// Field case `form-not-card/`: a typed birth-registration form names "Căn cước công dân" and "Quê quán" as a card
/// does. Through `intake process` it is an application form, never an ID card; no value holds its label
/// ("người yêu cầu: …"); the checklist ticks the form and not a card, and the missing identity card is a failed check.
/// The generated variants are other forms, in other typefaces, sizes and resolutions, quoting card words and labels.
/// </summary>
public sealed class FormNotCardTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-form-not-card-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_field_case_form_is_a_form_with_its_requester_and_no_card()
    {
        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "out"),
            FieldCase.File("form-not-card", "form.png"), "--procedure", "1.001193");

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        var json = dossier!.Value;
        var document = json.GetProperty("documents").EnumerateArray().Should().ContainSingle().Subject;
        document.GetProperty("type").GetString().Should().Be("application-form");
        document.GetProperty("fields").GetProperty("fullName").GetProperty("value").GetString().Should().Be("Lê Thị Ánh Tuyết");
        NoValueHoldsALabel(json);

        var checklist = json.GetProperty("checklist").EnumerateArray()
            .ToDictionary(i => i.GetProperty("documentType").GetString()!, i => i.GetProperty("present").GetBoolean());
        checklist.Should().Equal(new Dictionary<string, bool> { ["application-form"] = true, ["cccd-front"] = false, ["cccd-back"] = false });
        FieldCase.FailedChecks(json).Select(c => c.Name).Should().Contain("applicant.identity", "no identity card was handed in");
    }

    [Theory]
    [InlineData("marriage", "DejaVu Sans", 11, 200)]
    [InlineData("residence", "DejaVu Serif", 14, 300)]
    [InlineData("death", "DejaVu Serif", 10, 240)]
    public async Task Other_forms_quoting_card_words_stay_forms(string form, string family, double points, int dpi)
    {
        var (pdf, _) = VietnamesePage.Compose(Lines(form), points: points, family: family);
        using var page = VietnamesePage.Rasterise(pdf, dpi);
        var path = Path.Combine(_folder.FullName, form + ".png");
        File.WriteAllBytes(path, page.Encode(".png"));

        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "out-" + form), path);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        var types = dossier!.Value.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("type").GetString()).ToList();
        types.Should().Equal("application-form");
        NoValueHoldsALabel(dossier.Value);
    }

    private static string[] Lines(string form) => form switch
    {
        "marriage" =>
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI ĐĂNG KÝ KẾT HÔN",
            "Kính gửi: Ủy ban nhân dân xã Tân Phú", "Họ, chữ đệm, tên bên nữ: Nguyễn Thị Mai Lan",
            "Ngày, tháng, năm sinh: 03/04/1996", "Nơi cư trú: Thôn Phú Lộc, xã Tân Phú, huyện Đức Hòa",
            "Giấy tờ tùy thân: Căn cước công dân số 080196004512 có giá trị đến 03/04/2036",
            "Quê quán: Xã Mỹ Hạnh, huyện Đức Hòa, tỉnh Long An", "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật.",
        ],
        "residence" =>
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
            "Kính gửi: Công an phường Hòa Khánh Bắc", "Họ, chữ đệm và tên người kê khai: Trương Văn Hậu",
            "Ngày, tháng, năm sinh: 21/11/1979", "Giới tính: Nam", "Số định danh cá nhân: 048079001234",
            "Nơi thường trú: Số 12 đường Âu Cơ, phường Hòa Khánh Bắc, quận Liên Chiểu",
            "Nội dung đề nghị: đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn",
        ],
        _ =>
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI ĐĂNG KÝ KHAI TỬ",
            "Kính gửi: Ủy ban nhân dân phường Vĩnh Ninh", "Họ, chữ đệm, tên người yêu cầu: Hồ Thị Bích Ngọc",
            "Giấy tờ tùy thân: Căn cước công dân số 046185003321", "Quan hệ với người đã chết: Con",
            "Họ, chữ đệm, tên người đã chết: Hồ Văn Thanh", "Ngày, tháng, năm sinh: 02/02/1940", "Quê quán: Xã Hương Vinh, Thừa Thiên Huế",
        ],
    };

    /// <summary>No value of the applicant or of any document starts with label words ending in a colon.</summary>
    private void NoValueHoldsALabel(JsonElement dossier)
    {
        var values = dossier.GetProperty("applicant").EnumerateObject().Select(f => f.Value)
            .Concat(dossier.GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("fields").EnumerateObject().Select(f => f.Value)))
            .Select(f => f.GetProperty("value").GetString()!)
            .ToList();
        foreach (var value in values) log.WriteLine("value: " + value);
        values.Should().NotContain(v => v.Contains(':', StringComparison.Ordinal));
        values.Should().NotContain(v => v.Contains("người yêu cầu", StringComparison.OrdinalIgnoreCase)
            || v.Contains("bên nữ", StringComparison.OrdinalIgnoreCase) || v.Contains("người kê khai", StringComparison.OrdinalIgnoreCase)
            || v.Contains("người đã chết", StringComparison.OrdinalIgnoreCase));
    }
}
