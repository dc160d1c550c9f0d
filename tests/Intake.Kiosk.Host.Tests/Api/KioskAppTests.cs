using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Api;

/// <summary>The real local web service on a free loopback port, spoken to over HTTP.</summary>
public sealed class KioskAppTests : LoopbackKioskApp
{
    [Fact]
    public async Task Health_reports_the_engines()
    {
        var health = await Http.GetFromJsonAsync<JsonElement>("/health");
        health.GetProperty("status").GetString().Should().Be("ok");
        health.GetProperty("tesseract").GetString().Should().StartWith("5.");
        health.GetProperty("languages").GetString().Should().Be("vie+eng");
        health.GetProperty("saneThreadGuard").GetBoolean().Should().BeTrue("./intake preloads the guard");
    }

    [Fact]
    public async Task An_uploaded_page_comes_back_as_text_and_words()
    {
        using var body = new ByteArrayContent(File.ReadAllBytes(Corpus.File("tesseract-test", "phototest.tif")));
        using var response = await Http.PostAsync(new Uri("/api/ocr", UriKind.Relative), body);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var page = json.GetProperty("pages")[0];
        page.GetProperty("text").GetString().Should().Contain("quick brown dog");
        page.GetProperty("words").GetArrayLength().Should().BeGreaterThan(50);
    }

    [Fact]
    public async Task Garbage_is_refused_with_a_clear_message()
    {
        using var body = new ByteArrayContent("không phải ảnh"u8.ToArray());
        using var response = await Http.PostAsync(new Uri("/api/ocr", UriKind.Relative), body);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không phải tệp ảnh");
    }

    [Fact]
    public async Task A_header_declaring_a_giant_image_is_refused_before_decoding()
    {
        using var body = new ByteArrayContent(HostileImages.PngDeclaring(30000, 30000));
        using var response = await Http.PostAsync(new Uri("/api/ocr", UriKind.Relative), body);
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_empty_request_is_refused()
    {
        using var body = new ByteArrayContent([]);
        using var response = await Http.PostAsync(new Uri("/api/ocr", UriKind.Relative), body);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
