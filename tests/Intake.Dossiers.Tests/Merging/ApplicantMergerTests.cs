using FluentAssertions;
using Intake.Dossiers.Merging;
using Intake.Dossiers.Mrz;
using Intake.Dossiers.Qr;
using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Dossiers.Tests.Merging;

public class ApplicantMergerTests
{
    private static Document Doc(string type, IReadOnlyDictionary<string, Field> fields) => new(type, 0.9, [new PageRegion(0)], fields);

    private static Document Ocr(string type, params (string Name, string Value, double Confidence)[] fields) =>
        Doc(type, fields.ToDictionary(f => f.Name, f => new Field(f.Value, f.Confidence, FieldSource.Ocr, 0)));

    [Fact]
    public void Exact_sources_win_and_a_disagreeing_ocr_value_is_a_failed_check_never_high_confidence()
    {
        var citizen = SyntheticCitizen.Create(7);
        var qr = Doc(DocumentTypes.Cccd2021Front, CccdQrParser.Parse(citizen.QrPayload()).Value!.ToFields());
        var ocr = Ocr(DocumentTypes.Cccd2021Front, (FieldNames.FullName, citizen.FullName + "X", 0.97), (FieldNames.IdNumber, citizen.IdNumber, 0.95));

        var merge = ApplicantMerger.Merge([ocr, qr]);

        var name = merge.Applicant.FullName!;
        name.Value.Should().Be(citizen.FullName);
        name.Source.Should().Be(FieldSource.Qr);
        name.Confidence.Should().BeGreaterThanOrEqualTo(0.95);
        name.Alternatives.Should().Equal(citizen.FullName + "X");
        merge.Checks.Should().Contain(c => !c.Passed && c.Name == "merge.fullName"
            && c.Message.Contains(citizen.FullName + "X", StringComparison.Ordinal) && c.Message.Contains(" / ", StringComparison.Ordinal));
        merge.Applicant.IdNumber!.Confidence.Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void Old_and_new_tone_placement_are_the_same_name_and_each_spelling_is_kept()
    {
        var qr = Doc(DocumentTypes.Cccd2021Front, new Dictionary<string, Field>
        {
            [FieldNames.FullName] = new("Phạm Thị Thuỷ Hoà", 0.99, FieldSource.Qr, 0),
            [FieldNames.PlaceOfResidence] = new("Phường Hoà Khánh, Thành phố Thanh Hoá", 0.99, FieldSource.Qr, 0),
        });
        var printed = Ocr(DocumentTypes.Cccd2021Front, (FieldNames.FullName, "PHẠM THỊ THỦY HÒA", 0.93));
        // another document, read in NFD and with the other placement in the address
        var ct07 = Ocr(DocumentTypes.ResidenceConfirmation,
            (FieldNames.FullName, "Phạm Thị Thủy Hòa".Normalize(System.Text.NormalizationForm.FormD), 0.9),
            (FieldNames.PlaceOfResidence, "Phường Hòa Khánh, Thành phố Thanh Hóa", 0.9));

        var merge = ApplicantMerger.Merge([printed, qr, ct07]);

        merge.Checks.Should().NotContain(c => !c.Passed);
        merge.NeedsReview.Should().BeEmpty();
        merge.Applicant.FullName!.Value.Should().Be("Phạm Thị Thuỷ Hoà");
        merge.Applicant.FullName.Alternatives.Should().Contain(["PHẠM THỊ THỦY HÒA", "Phạm Thị Thủy Hòa"], "each source's own spelling is kept");
        merge.Applicant.PlaceOfResidence!.Value.Should().Be("Phường Hoà Khánh, Thành phố Thanh Hoá");
    }

    [Fact]
    public void A_different_tone_is_still_a_disagreement()
    {
        var qr = Doc(DocumentTypes.Cccd2021Front, new Dictionary<string, Field> { [FieldNames.FullName] = new("Lê Thị Hòa", 0.99, FieldSource.Qr, 0) });
        var printed = Ocr(DocumentTypes.Cccd2021Front, (FieldNames.FullName, "LÊ THỊ HOÀNG", 0.93));

        ApplicantMerger.Merge([qr, printed]).Checks.Should().Contain(c => !c.Passed && c.Name == "merge.fullName");
    }

    [Fact]
    public void Two_ocr_readings_that_disagree_both_stay_low_and_go_to_review()
    {
        var front = Ocr(DocumentTypes.Cccd2021Front, (FieldNames.DateOfBirth, "1990-01-15", 0.96));
        var ct07 = Ocr(DocumentTypes.ResidenceConfirmation, (FieldNames.DateOfBirth, "1990-01-16", 0.95));

        var merge = ApplicantMerger.Merge([front, ct07]);

        merge.Applicant.DateOfBirth!.Confidence.Should().BeLessThanOrEqualTo(0.5);
        merge.NeedsReview.Should().Contain(FieldNames.DateOfBirth);
        merge.Checks.Should().Contain(c => !c.Passed && c.Message.Contains("1990-01-16", StringComparison.Ordinal));
    }

    [Fact]
    public void Ocr_only_values_are_capped_below_0_9()
    {
        var merge = ApplicantMerger.Merge([Ocr(DocumentTypes.Cccd2021Front, (FieldNames.PlaceOfOrigin, "Kim Sơn, Ninh Bình", 0.99))]);

        merge.Applicant.PlaceOfOrigin!.Confidence.Should().BeLessThan(0.9);
    }

    [Fact]
    public void Mrz_name_confirms_the_ocr_name_without_replacing_it()
    {
        var citizen = SyntheticCitizen.Create(11);
        var back = Doc(DocumentTypes.Cccd2021Back, MrzParser.Parse(citizen.MrzLines()).Value!.ToFields());
        var front = Ocr(DocumentTypes.Cccd2021Front, (FieldNames.FullName, citizen.FullName.ToUpperInvariant(), 0.95));

        var merge = ApplicantMerger.Merge([front, back]);

        merge.Applicant.FullName!.Value.Should().Be(citizen.FullName.ToUpperInvariant());
        merge.Applicant.FullName.Confidence.Should().Be(ApplicantMerger.OcrCeiling, "the MRZ has no diacritics, so it cannot vouch for them");
        merge.Checks.Should().Contain(c => c.Passed && c.Name == "merge.fullName.mrz");
    }

    [Fact]
    public void Mrz_name_that_differs_disputes_the_ocr_name()
    {
        var citizen = SyntheticCitizen.Create(11);
        var back = Doc(DocumentTypes.Cccd2021Back, MrzParser.Parse(citizen.MrzLines()).Value!.ToFields());
        var front = Ocr(DocumentTypes.Cccd2021Front, (FieldNames.FullName, "TRẦN VĂN BÌNH", 0.95));

        var merge = ApplicantMerger.Merge([front, back]);

        merge.Applicant.FullName!.Confidence.Should().BeLessThanOrEqualTo(0.5);
        merge.NeedsReview.Should().Contain(FieldNames.FullName);
    }

    [Fact]
    public void Ocr_id_number_is_confirmed_by_its_rules_agreeing_with_birth_date_and_sex()
    {
        var merge = ApplicantMerger.Merge([Ocr(
            DocumentTypes.Cccd2024Front,
            (FieldNames.IdNumber, "001305000001", 0.94),
            (FieldNames.DateOfBirth, "2005-03-02", 0.94),
            (FieldNames.Sex, "F", 0.94))]);

        merge.Applicant.IdNumber!.Confidence.Should().Be(0.94);
        merge.Applicant.DateOfBirth!.Confidence.Should().BeLessThan(0.9);
    }

    [Fact]
    public void Id_number_contradicting_the_birth_date_is_a_failed_check_and_goes_to_review()
    {
        var merge = ApplicantMerger.Merge([Ocr(
            DocumentTypes.Cccd2021Front,
            (FieldNames.IdNumber, "079290001234", 0.95),
            (FieldNames.DateOfBirth, "1990-01-15", 0.95))]);

        merge.Checks.Should().Contain(c => !c.Passed && c.Name == "idNumber.birthYear");
        merge.Applicant.IdNumber!.Confidence.Should().BeLessThanOrEqualTo(0.5);
        merge.NeedsReview.Should().Contain(FieldNames.IdNumber);
    }

    [Fact]
    public void Low_confidence_fields_are_listed_for_review()
    {
        var merge = ApplicantMerger.Merge([Ocr(DocumentTypes.Cccd2021Front, (FieldNames.Nationality, "Việt Nam", 0.6))]);

        merge.NeedsReview.Should().Equal(FieldNames.Nationality);
    }

    [Fact]
    public void A_full_synthetic_card_merges_without_disagreement()
    {
        var citizen = SyntheticCitizen.Create(21);
        var front = Doc(DocumentTypes.Cccd2021Front, CccdQrParser.Parse(citizen.QrPayload()).Value!.ToFields());
        var back = Doc(DocumentTypes.Cccd2021Back, MrzParser.Parse(citizen.MrzLines()).Value!.ToFields());

        var merge = ApplicantMerger.Merge([front, back]);

        merge.Checks.Should().OnlyContain(c => c.Passed);
        merge.NeedsReview.Should().NotContain([FieldNames.IdNumber, FieldNames.FullName, FieldNames.DateOfBirth, FieldNames.Sex]);
        merge.Applicant.DateOfBirth!.Confidence.Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void No_documents_give_an_empty_applicant()
    {
        ApplicantMerger.Merge(null).Applicant.Should().Be(Applicant.Empty);
    }
}
