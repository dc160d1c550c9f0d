using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Kiosk.Host.Session;
using Intake.Sync.Store;
using Intake.Kiosk.Host.Tests.Browser;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Session;

/// <summary>
/// The session API without a browser (docs/api.md): the procedure search, one session per kiosk, every text in both
/// languages, the spoken prompts (espeak-ng's Vietnamese voice), nothing of a session behind its id once wiped, and
/// the citizen's corrections at review (refused in Vietnamese and English when the field cannot hold the value).
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
    public async Task The_citizen_corrects_fields_at_review_and_the_stored_dossier_carries_them_with_the_checks_run_again()
    {
        var data = Path.Combine(_folder.FullName, "data");
        var citizen = BundledSamples.Citizen;
        // a tone mark fixed, and a date of birth a year off the ID number's, so its rule fails again
        var corrected = citizen.FullName[..^1] + "ạ";
        var birth = citizen.DateOfBirth.AddYears(1);
        string code;
        await using (var kiosk = await KioskBrowser.StartAsync(data, "--scanner", "replay:" + BundledSamples.Folder, "--kiosk", "K14"))
        {
            using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url), Timeout = TimeSpan.FromMinutes(3) };
            var created = await http.PostAsJsonAsync("/api/session", new { procedure = "1.001193" });
            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            (await http.PostAsync($"/api/session/{id}/fields/fullName", JsonContent.Create(new { value = "X" }))).StatusCode
                .Should().Be(HttpStatusCode.Conflict, "there is nothing to correct before the review");
            (await http.PostAsync($"/api/session/{id}/scan", null)).EnsureSuccessStatusCode();
            var read = Field(await Review(http, $"/api/session/{id}/review"), FieldNames.FullName);
            read.GetProperty("value").GetString().Should().Be(citizen.FullName);

            // refused, each with its reason in Vietnamese then English; what was read stays as it was
            foreach (var (field, value, vietnamese) in new[]
            {
                (FieldNames.IdNumber, "05630082852", "12 chữ số"), (FieldNames.IdNumber, "0563OO828520", "12 chữ số"),
                (FieldNames.DateOfBirth, "31/02/2000", "ngày có thật"), (FieldNames.DateOfBirth, DateTime.Today.AddDays(30).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), "tương lai"),
                (FieldNames.Sex, "X", "Nam hoặc Nữ"), (FieldNames.FullName, "L1 Mai Hà", "chữ cái"), (FieldNames.FullName, "  ", "nhập giá trị"),
                (FieldNames.IssueDate, "01/01/2020", "Không sửa được"),
            })
            {
                var refused = await http.PostAsync($"/api/session/{id}/fields/{field}", JsonContent.Create(new { value }));
                refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{field} = {value}");
                var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
                error.Should().Contain(vietnamese).And.Contain(" / ");
                error.Split(" / ")[1].Should().MatchRegex("^[\x20-\x7E]+$", "the English half follows the Vietnamese");
            }
            // a form another origin's page could send without a CORS preflight is not JSON: refused before the session sees it
            (await http.PostAsync($"/api/session/{id}/fields/fullName", new StringContent("{\"value\":\"Lý Mai Hạ\"}", System.Text.Encoding.UTF8, "text/plain"))).StatusCode
                .Should().Be(HttpStatusCode.UnsupportedMediaType);
            Field(await Review(http, $"/api/session/{id}/review"), FieldNames.FullName).GetProperty("value").GetString().Should().Be(citizen.FullName);

            // the name typed decomposed (NFD) as some keyboards send it; the date as Vietnamese papers write it
            var answer = await http.PostAsync($"/api/session/{id}/fields/fullName", JsonContent.Create(new { value = corrected.Normalize(System.Text.NormalizationForm.FormD) }));
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            var name = Field(JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement, FieldNames.FullName);
            name.GetProperty("value").GetString().Should().Be(corrected).And.Match(v => v.IsNormalized());
            name.GetProperty("source").GetString().Should().Be("manual");
            name.GetProperty("confidence").GetDouble().Should().Be(1);
            name.GetProperty("corrected").GetBoolean().Should().BeTrue();
            name.GetProperty("unsure").GetBoolean().Should().BeFalse();
            name.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()).Should().Contain(citizen.FullName, "the value read is kept");
            (await http.PostAsync($"/api/session/{id}/fields/dateOfBirth", JsonContent.Create(new { value = birth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) }))).StatusCode.Should().Be(HttpStatusCode.OK);
            var dob = Field(await Review(http, $"/api/session/{id}/review"), FieldNames.DateOfBirth);
            dob.GetProperty("value").GetString().Should().Be(birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

            var receipt = await http.PostAsync($"/api/session/{id}/confirm", null);
            receipt.EnsureSuccessStatusCode();
            code = JsonDocument.Parse(await receipt.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
            (await http.PostAsync($"/api/session/{id}/fields/fullName", JsonContent.Create(new { value = citizen.FullName }))).StatusCode
                .Should().Be(HttpStatusCode.Conflict, "a submitted dossier is corrected at the desk, not by the session");
            (await http.DeleteAsync($"/api/session/{id}?reason=finished")).StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await kiosk.StopServiceAsync()).Should().Be(0, kiosk.ServeError.ToString());
        }

        using var store = DossierStore.Open(new StoreOptions(data));
        var dossier = DossierJsonReader.Read(store.ReadJson(code)).Dossier;
        dossier.Version.Should().Be(1, "corrected before the first commit");
        var fullName = dossier.Applicant.Get(FieldNames.FullName)!;
        fullName.Value.Should().Be(corrected);
        fullName.Source.Should().Be(FieldSource.Manual);
        fullName.Confidence.Should().Be(1);
        fullName.Alternatives.Should().Contain(citizen.FullName);
        dossier.Corrections.Select(c => (c.FieldName, c.OldValue, c.NewValue, c.Operator)).Should().BeEquivalentTo(new[]
        {
            (FieldNames.FullName, (string?)citizen.FullName, corrected, KioskSession.CitizenOperator),
            (FieldNames.DateOfBirth, (string?)citizen.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), KioskSession.CitizenOperator),
        });
        // the checks ran again against the corrections: the card disagrees with the name typed, the ID number with the new birth year
        dossier.Checks.Should().Contain(c => c.Name == "merge.fullName" && !c.Passed && c.Message.Contains("MANUAL (correction)"));
        dossier.Checks.Should().Contain(c => c.Name == "idNumber.birthYear" && !c.Passed);
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

    private static async Task<JsonElement> Review(HttpClient http, string path) => JsonDocument.Parse(await http.GetStringAsync(path)).RootElement;

    private static JsonElement Field(JsonElement review, string name) =>
        review.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
}
