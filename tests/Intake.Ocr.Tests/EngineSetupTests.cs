using FluentAssertions;
using Intake.Ocr;
using Xunit;

namespace Intake.Ocr.Tests;

public sealed class EngineSetupTests
{
    [Fact]
    public void A_missing_model_is_named_with_its_debian_package()
    {
        var act = () => new OcrEnginePool(new OcrOptions { Languages = "vie+khm" });
        act.Should().Throw<OcrException>()
            .Where(e => e.Message.Contains("'khm'") && e.Message.Contains("tesseract-ocr-khm") && e.Message.Contains("Thiếu mô hình"));
    }

    [Fact]
    public void Model_names_map_to_debian_package_names()
    {
        TessdataLocator.PackageFor("chi_sim").Should().Be("tesseract-ocr-chi-sim");
        TessdataLocator.PackageFor("vie").Should().Be("tesseract-ocr-vie");
    }

    [Theory]
    [InlineData("")]
    [InlineData("vie+../../etc/passwd")]
    [InlineData("+")]
    public void Malformed_language_lists_are_refused(string languages)
    {
        var act = () => TessdataLocator.Languages(languages);
        act.Should().Throw<OcrException>();
    }

    [Fact]
    public void The_default_is_vietnamese_then_english_with_one_engine_per_core()
    {
        var options = new OcrOptions();
        options.Languages.Should().Be("vie+eng");
        options.EffectiveWorkers.Should().Be(Environment.ProcessorCount);
    }

    [Fact]
    public void The_version_is_tesseract_5()
    {
        TesseractEngine.Version.Should().StartWith("5.");
    }
}
