using System.Text;
using FluentAssertions;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Tests.Text;

public class VietnameseTextTests
{
    [Fact]
    public void Nfd_input_becomes_nfc()
    {
        var nfd = "Nguyễn Thị Thủy".Normalize(NormalizationForm.FormD);

        VietnameseText.Nfc(nfd).Should().Be("Nguyễn Thị Thủy");
        new Field(nfd, 0.5, FieldSource.Ocr).Value.IsNormalized(NormalizationForm.FormC).Should().BeTrue();
    }

    [Theory]
    [InlineData("Đặng Văn Đức", "Dang Van Duc")]
    [InlineData("NGUYỄN THỊ THỦY", "NGUYEN THI THUY")]
    [InlineData("Phường Bến Nghé", "Phuong Ben Nghe")]
    public void Folding_strips_every_mark_and_maps_d_with_stroke(string text, string folded)
    {
        VietnameseText.Fold(text).Should().Be(folded);
        VietnameseText.Fold(text.Normalize(NormalizationForm.FormD)).Should().Be(folded);
    }

    [Fact]
    public void Search_key_matches_the_mrz_spelling()
    {
        VietnameseText.SearchKey("Đỗ  Thị-Hòa").Should().Be("DO THI HOA");
    }

    [Theory]
    [InlineData("hòa", "hoà")]
    [InlineData("thủy", "thuỷ")]
    [InlineData("khỏe", "khoẻ")]
    [InlineData("Khánh Hòa", "Khánh Hoà")]
    [InlineData("óa", "oá")]
    [InlineData("Thúy", "Thuý")]
    [InlineData("Họa", "Hoạ")]
    [InlineData("ùy ban", "uỳ ban")]
    [InlineData("THỦY HÒA", "THUỶ HOÀ")]
    [InlineData("hòan", "hoàn")]
    [InlineData("Hu\u0300y", "Huy\u0300")]
    public void Both_tone_placements_give_the_same_lookup_form(string old, string modern)
    {
        old = System.Text.RegularExpressions.Regex.Unescape(old);
        modern = System.Text.RegularExpressions.Regex.Unescape(modern);
        VietnameseText.NormaliseTonePlacement(old).Should().Be(VietnameseText.NormaliseTonePlacement(modern));
        VietnameseText.NormaliseTonePlacement(old.Normalize(System.Text.NormalizationForm.FormD)).Should().Be(VietnameseText.NormaliseTonePlacement(modern));
    }

    [Theory]
    [InlineData("Phạm Thị Thuỷ Hoà", "PHẠM THỊ THỦY HÒA")]
    [InlineData("Xã Quảng Hòa, Thanh Hóa", "XÃ QUẢNG HOÀ - THANH HOÁ")]
    public void Comparison_keys_fold_tone_placement_case_and_punctuation(string one, string other)
    {
        VietnameseText.ComparisonKey(one).Should().Be(VietnameseText.ComparisonKey(other.Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Hòa", "Hoa")]
    [InlineData("Thủy", "Thùy")]
    [InlineData("Tuyết", "Tuyến")]
    public void Comparison_keys_still_tell_different_diacritics_apart(string one, string other)
    {
        VietnameseText.ComparisonKey(one).Should().NotBe(VietnameseText.ComparisonKey(other));
    }

    [Theory]
    [InlineData("hoàng")]
    [InlineData("Nguyễn")]
    [InlineData("quý")]
    [InlineData("mùa")]
    [InlineData("tuyết")]
    [InlineData("khuỷu")]
    [InlineData("xoáy")]
    public void Syllables_without_the_ambiguity_are_unchanged(string text)
    {
        VietnameseText.NormaliseTonePlacement(text).Should().Be(text);
    }
}
