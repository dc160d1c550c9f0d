using Intake.Pages;
using System.Text.Json;
using FluentAssertions;
using Intake.Dossiers.Assembly;
using Intake.Dossiers.Package;
using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Dossiers.Tests.Package;

/// <summary>
/// Assembling a dossier from recognised pieces (fake OCR pages here, so no engine runs) and writing dossier.json: the
/// JSON satisfies the schema, the checklist is ticked, and bad content (garbage QR, a wrong-length MRZ, 31/02/1990, an
/// ID whose century digit contradicts the date of birth) becomes failed checks with messages, never an exception.
/// </summary>
public sealed class DossierPackageTests
{
    private static readonly DossierCode Code = new("000.00.14.H56", new DateOnly(2025, 2, 3), 118);

    [Fact]
    public void A_front_back_and_form_assemble_to_a_dossier_whose_json_meets_the_schema()
    {
        var citizen = SyntheticCitizen.Create(7);
        var pieces = new[]
        {
            new RecognisedPiece(0, new PixelRect(100, 200, 1011, 638), true, FakeOcrPage.Card("CĂN CƯỚC CÔNG DÂN", "Citizen Identity Card", $"Số / No.: {citizen.IdNumber}", "Họ và tên / Full name:", citizen.FullName.ToUpperInvariant()), citizen.QrPayload()),
            new RecognisedPiece(1, null, true, FakeOcrPage.Card("Đặc điểm nhân dạng / Personal identification:", "Nốt ruồi"), MrzLines: citizen.MrzLines()),
            new RecognisedPiece(2, null, false, FakeOcrPage.A4("TỜ KHAI ĐĂNG KÝ KHAI SINH", "Kính gửi: Ủy ban nhân dân phường")),
            new RecognisedPiece(3, null, false, FakeOcrPage.A4("Tôi cam đoan nội dung đề nghị là đúng sự thật")),
        };

        var assembly = DossierAssembler.Assemble(Code, "Lê Thị Hồng", DateTimeOffset.UnixEpoch, "1.001193", Pages(4), pieces);

        var dossier = assembly.Dossier;
        dossier.Documents.Select(d => d.Type).Should().Equal(DocumentTypes.Cccd2021Front, DocumentTypes.Cccd2021Back, DocumentTypes.ApplicationForm);
        dossier.Documents[2].PageIndexes.Should().Equal(2, 3);
        dossier.Checklist.Should().OnlyContain(i => i.Present);
        dossier.Applicant.FullName!.Value.Should().Be(citizen.FullName);
        dossier.Applicant.IdNumber!.Confidence.Should().BeGreaterThanOrEqualTo(0.95, "the QR and the check-digit-valid MRZ agree");
        assembly.DocumentPieces.Should().HaveCount(3);

        var json = DossierJson.Write(dossier, ["document-01-cccd-2021-front.pdf", null, "document-03-application-form.pdf"]);
        using var schema = JsonDocument.Parse(DossierJson.Schema());
        using var document = JsonDocument.Parse(json);
        JsonSchemaCheck.Violations(schema.RootElement, document.RootElement).Should().BeEmpty();
        document.RootElement.GetProperty("applicant").GetProperty("dateOfBirth").GetProperty("value").GetString()
            .Should().Be(citizen.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        System.Text.Encoding.UTF8.GetString(json).Should().Contain(citizen.FullName, "Vietnamese is written as itself, not escaped");
    }

    [Fact]
    public void The_schema_refuses_what_the_issue_forbids()
    {
        using var schema = JsonDocument.Parse(DossierJson.Schema());
        var good = DossierJson.Write(DossierAssembler.Assemble(Code, "A", DateTimeOffset.UnixEpoch, null, Pages(0), []).Dossier);
        var bad = System.Text.Encoding.UTF8.GetString(good).Replace("\"checklist\": []", "\"checklist\": [{\"documentType\": \"cccd\", \"present\": \"yes\"}]", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(bad);

        JsonSchemaCheck.Violations(schema.RootElement, document.RootElement).Should().ContainSingle().Which.Should().Contain("present");
    }

    [Theory]
    [InlineData("garbage-qr")]
    [InlineData("short-mrz")]
    [InlineData("impossible-date")]
    [InlineData("century-digit")]
    [InlineData("unknown-procedure")]
    public void Bad_content_is_a_failed_check_with_a_message_never_an_exception(string kind)
    {
        var citizen = SyntheticCitizen.Create(3);
        var mrz = citizen.MrzLines();
        var wrongCentury = citizen.IdNumber[..3] + (char)(citizen.IdNumber[3] + 2) + citizen.IdNumber[4..];
        var (piece, procedure, expected) = kind switch
        {
            "garbage-qr" => (new RecognisedPiece(0, null, true, FakeOcrPage.Card("CĂN CƯỚC CÔNG DÂN"), "\u0001\u0002garbage|||"), null, "qr."),
            "short-mrz" => (new RecognisedPiece(0, null, true, FakeOcrPage.Card("Đặc điểm nhân dạng"), MrzLines: [mrz[0][..28], mrz[1][..27], mrz[2]]), null, "mrz.length"),
            "impossible-date" => (new RecognisedPiece(0, null, true, FakeOcrPage.Card("CĂN CƯỚC CÔNG DÂN", "Ngày sinh / Date of birth: 31/02/1990")), null, "ocr.dateOfBirth"),
            "century-digit" => (new RecognisedPiece(0, null, true, FakeOcrPage.Card("CĂN CƯỚC CÔNG DÂN", $"Số / No.: {wrongCentury}", $"Ngày sinh / Date of birth: {citizen.DateOfBirth:dd/MM/yyyy}")), null, "idNumber."),
            _ => (new RecognisedPiece(0, null, false, FakeOcrPage.A4("TỜ KHAI")), "9.999999", "procedure.code"),
        };

        var dossier = DossierAssembler.Assemble(Code, "A", DateTimeOffset.UnixEpoch, procedure, Pages(1), [piece]).Dossier;

        dossier.Checks.Should().Contain(c => !c.Passed && c.Name.StartsWith(expected, StringComparison.Ordinal) && c.Message.Contains(" / ", StringComparison.Ordinal),
            string.Join("\n", dossier.Checks.Select(c => $"{c.Name} {c.Passed} {c.Message}")));
    }

    private static DossierPage[] Pages(int count) => Enumerable.Range(0, count).Select(i => new DossierPage(i, 2480, 3508, 300)).ToArray();
}
