using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers.Tests.Fixtures;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>
/// Field case `tone-marks/`: one name in the old and the new tone-mark placement (`Thuỷ Hoà` on the QR, `THỦY HÒA`
/// in print) is one name: no disagreement and no review flag, within one card or across documents, and each source's
/// spelling is kept as it was printed.
/// </summary>
public sealed class ToneMarkTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string[] ComparedFields = ["fullName", "placeOfResidence", "placeOfOrigin"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-tone-marks-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_field_case_card_has_one_name_and_keeps_both_spellings()
    {
        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "out"), FieldCase.File("tone-marks", "mixed2.png"));

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        NoDisagreementAbout(dossier!.Value);
        var name = dossier.Value.GetProperty("applicant").GetProperty("fullName");
        name.GetProperty("value").GetString().Should().Be("Phạm Thị Thuỷ Hoà", "the QR's own spelling");
        name.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()).Should().Contain("PHẠM THỊ THỦY HÒA", "the printed spelling is kept");
    }

    [Fact]
    public async Task A_card_and_a_residence_confirmation_in_the_other_placement_agree()
    {
        // the card (QR and print) in the new placement, the CT07 page in the old one, in name and address: two pairs in
        // the name (uý/úy, oà/òa). (With "Khuê" the CT07 page, read from its binarised OCR copy, gave "KHUẼÊ": a real
        // misread, rightly flagged, and not what this test is about.)
        var citizen = Enumerable.Range(4100, 50).Select(SyntheticCitizen.Create).First(c => c.Sex == 'F') with
        {
            FamilyName = "Đoàn",
            MiddleName = "Thị",
            GivenName = "Thuý Hoà",
            PlaceOfResidence = "Thôn Phú Hoà, Xã Quảng Hoà, Huyện Quảng Xương, Thanh Hoá",
        };
        var oldPlacement = citizen with { GivenName = "Thúy Hòa", PlaceOfResidence = "Thôn Phú Hòa, Xã Quảng Hòa, Huyện Quảng Xương, Thanh Hóa" };
        var card = Write("card.jpg", FlatbedScanFactory.Render(citizen, [new CardPlacement(CardSide.Front2021, 120, 90, 3)]));
        var ct07 = Write("ct07.pdf", DocumentPageRenderer.ResidenceConfirmation(oldPlacement));

        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "out"), card, ct07);

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        dossier!.Value.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("type").GetString())
            .Should().Contain("residence-confirmation");
        NoDisagreementAbout(dossier.Value);
        var applicant = dossier.Value.GetProperty("applicant");
        applicant.GetProperty("fullName").GetProperty("value").GetString().Should().Be("Đoàn Thị Thuý Hoà");
        applicant.GetProperty("placeOfResidence").GetProperty("value").GetString().Should().Be(citizen.PlaceOfResidence);
    }

    private void NoDisagreementAbout(JsonElement dossier)
    {
        var failed = FieldCase.FailedChecks(dossier);
        foreach (var check in failed) log.WriteLine($"failed: {check.Name}: {check.Message}");
        // (other failed checks, such as an expiry date looked for in the wrong line, belong to other kinds)
        failed.Should().NotContain(c => ComparedFields.Any(f => c.Name == "merge." + f || c.Name == "review." + f || c.Name == $"merge.{f}.mrz"));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
