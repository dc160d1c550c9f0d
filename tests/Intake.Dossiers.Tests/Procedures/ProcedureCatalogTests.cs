using FluentAssertions;
using Intake.Dossiers.Procedures;

namespace Intake.Dossiers.Tests.Procedures;

public class ProcedureCatalogTests
{
    private static Document Doc(string type) => new(type, 0.9, [new PageRegion(0)], new Dictionary<string, Field>());

    [Fact]
    public void Holds_the_ten_procedures_of_the_guide()
    {
        ProcedureCatalog.Default.All.Select(p => p.Code).Should().BeEquivalentTo(
            ["1.001193", "1.000894", "1.000656", "2.000528", "1.002755", "1.003677", "2.001019", "1.001612", "2.000720", "1.001266"]);
        ProcedureCatalog.Default.Find("1.001193").Value!.Name.Should().Be("Đăng ký khai sinh");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1001193")]
    [InlineData("1.00119")]
    [InlineData("x.001193")]
    public void Malformed_codes_are_refused(string? code)
    {
        ProcedureCatalog.IsValidCode(code).Should().BeFalse();
        ProcedureCatalog.Default.Find(code).FailureReason.Should().Contain("sai dạng");
    }

    [Fact]
    public void Unknown_code_is_a_failure_not_an_exception()
    {
        ProcedureCatalog.Default.Find("9.999999").FailureReason.Should().Contain("No procedure 9.999999");
    }

    [Fact]
    public void Birth_registration_checklist_ticks_the_form_and_either_card_generation()
    {
        var birth = ProcedureCatalog.Default.Find("1.001193").Value!;

        var checklist = birth.ChecklistFor([Doc(DocumentTypes.ApplicationForm), Doc(DocumentTypes.Cccd2024Front), Doc(DocumentTypes.Other)]);

        checklist.Should().Equal(
            new ChecklistItem(DocumentTypes.ApplicationForm, true),
            new ChecklistItem(DocumentRequirement.CccdFront, true),
            new ChecklistItem(DocumentRequirement.CccdBack, false));
    }

    [Fact]
    public void Cccd_requirement_accepts_any_card_side_and_generation()
    {
        foreach (var type in DocumentTypes.All.Where(DocumentTypes.IsCccd))
        {
            DocumentRequirement.IsSatisfiedBy(DocumentRequirement.AnyCccd, type).Should().BeTrue();
        }

        DocumentRequirement.IsSatisfiedBy(DocumentRequirement.AnyCccd, DocumentTypes.BirthCertificate).Should().BeFalse();
    }
}
