using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Intake.Kiosk.Host.Session;
using Intake.Kiosk.Host.Tests.Browser;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Session;

/// <summary>
/// The session API without a browser (docs/api.md): the procedure search, one session per kiosk, every text in both
/// languages, the spoken prompts (espeak-ng's Vietnamese voice), and nothing of a session behind its id once wiped.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SessionApiTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-session-api-test-");

    [Theory]
    [InlineData("khai sinh")]
    [InlineData("dang ky khai sinh")]
    [InlineData("Đăng ký")]
    [InlineData("ĐĂNG KÝ KHAI SINH")]
    [InlineData("1.001193")]
    [InlineData("1.0011")]
    public void The_search_ignores_accents_and_case_and_finds_by_code(string query) =>
        ProcedureSearch.Find(query).Select(p => p.Code).Should().Contain("1.001193");

    [Fact]
    public void The_search_needs_every_word_typed() =>
        ProcedureSearch.Find("khai tu").Select(p => p.Code).Should().Equal("1.000656");

    [Fact]
    public void Every_text_is_in_Vietnamese_and_English()
    {
        var vietnamese = CitizenTexts.All(CitizenTexts.Vietnamese);
        var english = CitizenTexts.All(CitizenTexts.English);
        english.Keys.Should().BeEquivalentTo(vietnamese.Keys);
        vietnamese["start.title"].Should().Be("Chọn thủ tục");
        english["start.title"].Should().Be("Choose the procedure");
        english.Values.Should().OnlyContain(text => text.Length > 0);
        vietnamese.Values.Concat(english.Values).Should().OnlyContain(text => text.IsNormalized(System.Text.NormalizationForm.FormC), "text is NFC");
    }

    [Fact]
    public async Task One_session_at_a_time_and_a_wiped_one_answers_nothing()
    {
        await using var kiosk = await KioskBrowser.StartAsync(Path.Combine(_folder.FullName, "data"), "--scanner", "replay:" + BundledSamples.Folder);
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url) };
        var first = await http.PostAsJsonAsync("/api/session", new { procedure = "1.001193" });
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var second = await http.PostAsJsonAsync("/api/session", new { procedure = "1.001193" });
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).Should().Contain("phiên khác").And.Contain("another session");
        (await http.PostAsJsonAsync($"/api/session/{id}/procedure", new { procedure = "9.999999" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await http.PostAsync($"/api/session/{id}/scan", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        // a captured page sent as the body, and bytes that are no image: refused in Vietnamese, then English
        var capture = await http.PostAsync($"/api/session/{id}/pages", new ByteArrayContent(File.ReadAllBytes(Path.Combine(BundledSamples.Folder, BundledSamples.Files[1]))));
        (await capture.Content.ReadAsStringAsync()).Should().Contain("\"page\":2");
        var garbage = await http.PostAsync($"/api/session/{id}/pages", new ByteArrayContent("not an image"u8.ToArray()));
        garbage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refusal = JsonDocument.Parse(await garbage.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        refusal.Should().Contain(" / ");
        (await http.DeleteAsync($"/api/session/{id}?reason=cancelled")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        foreach (var path in new[] { $"/api/session/{id}", $"/api/session/{id}/pages/1/thumbnail", $"/api/session/{id}/review" })
            (await http.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        (await http.PostAsJsonAsync("/api/session", new { procedure = "1.001193" })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_page_goes_received_cleaning_reading_recognised_on_the_event_stream()
    {
        await using var kiosk = await KioskBrowser.StartAsync(Path.Combine(_folder.FullName, "data"), "--scanner", "replay:" + BundledSamples.Folder);
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url), Timeout = TimeSpan.FromMinutes(3) };
        var created = await http.PostAsJsonAsync("/api/session", new { procedure = "1.001193" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var stream = new StreamReader(await http.GetStreamAsync($"/api/session/{id}/events"));
        (await http.PostAsync($"/api/session/{id}/scan", null)).EnsureSuccessStatusCode();
        var states = new List<string>();
        JsonElement last = default;
        while (states.LastOrDefault() is not ("recognised" or "failed") && await stream.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            last = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            var state = last.GetProperty("page").GetProperty("state").GetString()!;
            if (states.LastOrDefault() != state) states.Add(state);
        }
        states.Should().Equal("received", "cleaning", "reading", "recognised");
        last.GetProperty("page").GetProperty("documentTypes").EnumerateArray().Select(t => t.GetString()).Should().Equal("cccd-2021-front");
        last.GetProperty("checklist").EnumerateArray().Single(i => i.GetProperty("documentType").GetString() == "cccd-front").GetProperty("present").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_prompt_is_spoken_with_the_Vietnamese_voice()
    {
        await using var kiosk = await KioskBrowser.StartAsync(Path.Combine(_folder.FullName, "data"), "--scanner", "replay:" + BundledSamples.Folder);
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url) };
        var wav = await http.GetAsync("/api/speech/start.prompt?lang=vi");
        wav.StatusCode.Should().Be(HttpStatusCode.OK);
        wav.Content.Headers.ContentType!.MediaType.Should().Be("audio/wav");
        var bytes = await wav.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).Should().Be("RIFF");
        (await http.GetAsync("/api/speech/receipt.code?lang=vi")).StatusCode.Should().Be(HttpStatusCode.NotFound, "only prompts and titles are spoken");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
