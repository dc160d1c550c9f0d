using System.Globalization;
using System.Text;
using FluentAssertions;
using Intake.Dossiers;
using Intake.Kiosk.Host.Staff.Desk;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>
/// Issue 14's acceptance in a real browser (<see cref="StaffSession"/>): the corrected field is manual in the store
/// and the audit log holds who, when, old and new; the logs of the whole session hold neither the applicant's name
/// nor their ID number, in any spelling.
/// </summary>
public sealed class StaffBrowserTests(StaffSession session) : IClassFixture<StaffSession>
{
    [Fact]
    public void The_review_opens_on_an_unsure_field_with_its_crop_highlighted()
    {
        var first = ReviewField.Of(session.Stored, 0.9).First(f => f.NeedsReview || f.Source == "manual");
        session.FirstFocused.Should().Be(first.Name);
        session.HighlightShown.Should().BeTrue();
        session.WrongPinMessage.Should().Contain("Tên hoặc mã PIN không đúng").And.Contain("4 tries left");
        File.Exists(session.Screenshot).Should().BeTrue();
    }

    [Fact]
    public void The_keyboard_correction_is_manual_in_the_store_and_in_the_audit_log()
    {
        var field = session.Stored.Applicant.Get(StaffSession.CorrectedField)!;
        field.Value.Should().Be(session.CorrectedValue);
        field.Source.Should().Be(FieldSource.Manual);
        field.Confidence.Should().Be(1);
        var correction = session.Stored.Corrections.Should().ContainSingle().Subject;
        correction.FieldName.Should().Be(StaffSession.CorrectedField);
        correction.NewValue.Should().Be(session.CorrectedValue);
        correction.OldValue.Should().NotBeNullOrEmpty().And.NotBe(session.CorrectedValue);
        correction.Operator.Should().Be(StaffHost.StaffName);
        correction.At.Should().BeCloseTo(DateTimeOffset.Now, TimeSpan.FromMinutes(10));
        session.AuditText.Should().Contain(StaffHost.StaffName).And.Contain(session.CorrectedValue).And.Contain(correction.OldValue!);
    }

    [Fact]
    public void The_logs_of_the_whole_session_hold_neither_the_name_nor_the_ID_number()
    {
        var lines = session.Logs.Lines;
        lines.Should().Contain(l => l.Contains("desk scan: dossier " + session.Code, StringComparison.Ordinal), "the session was logged");
        lines.Should().Contain(l => l.Contains("desk correction", StringComparison.Ordinal));
        var all = string.Join('\n', lines);
        var citizen = session.Citizen;
        foreach (var secret in new[]
                 {
                     citizen.FullName, citizen.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), citizen.MrzNameFolded, Folded(citizen.FullName),
                     citizen.IdNumber, session.CorrectedValue, citizen.PlaceOfOrigin, StaffHost.StaffName, StaffHost.StaffPin,
                 })
            all.Should().NotContain(secret.Normalize(NormalizationForm.FormC));
        all.Should().NotContain(citizen.IdNumber.Normalize(NormalizationForm.FormD));
    }

    private static string Folded(string text) => new([.. text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
}
