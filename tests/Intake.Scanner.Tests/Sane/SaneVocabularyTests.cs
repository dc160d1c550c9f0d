using FluentAssertions;
using Intake.Scanner.Sane;

namespace Intake.Scanner.Tests.Sane;

public sealed class SaneVocabularyTests
{
    [Theory]
    [InlineData(PaperSource.Flatbed, "Flatbed", "Flatbed", "Automatic Document Feeder")]
    [InlineData(PaperSource.Adf, "Automatic Document Feeder", "Flatbed", "Automatic Document Feeder")]
    [InlineData(PaperSource.Adf, "ADF Front", "ADF Front", "ADF Back", "ADF Duplex")]
    [InlineData(PaperSource.Duplex, "ADF Duplex", "ADF Front", "ADF Back", "ADF Duplex")]
    [InlineData(PaperSource.Adf, "ADF", "FlatBed", "ADF", "Duplex")]
    [InlineData(PaperSource.Flatbed, "FlatBed", "FlatBed", "ADF", "Duplex")]
    [InlineData(PaperSource.Duplex, "Duplex", "FlatBed", "ADF", "Duplex")]
    [InlineData(PaperSource.Flatbed, "Document Table", "Document Table", "ADF")]
    [InlineData(PaperSource.Adf, "ADF Simplex", "ADF Simplex", "ADF Duplex")]
    [InlineData(PaperSource.Duplex, null, "Flatbed", "Automatic Document Feeder")]
    public void Sources_map_onto_each_backends_names(PaperSource source, string? expected, params string[] offered) =>
        SaneVocabulary.Source(offered, source).Should().Be(expected);

    [Theory]
    [InlineData(SaneScanMode.Color, "Color", "Lineart", "Gray", "Color")]
    [InlineData(SaneScanMode.Color, "Colour", "Binary", "Grey", "Colour")]
    [InlineData(SaneScanMode.Color, "24bit Color", "Black & White", "True Gray", "24bit Color")]
    [InlineData(SaneScanMode.Gray, "True Gray", "Black & White", "True Gray", "24bit Color")]
    [InlineData(SaneScanMode.Gray, "Grey", "Binary", "Grey", "Colour")]
    [InlineData(SaneScanMode.Lineart, "Black & White", "Black & White", "True Gray", "24bit Color")]
    [InlineData(SaneScanMode.Lineart, "Lineart", "Lineart", "Halftone", "Gray", "Color")]
    [InlineData(SaneScanMode.Lineart, null, "Gray", "Color")]
    public void Modes_map_onto_each_backends_names(SaneScanMode mode, string? expected, params string[] offered) =>
        SaneVocabulary.Mode(offered, mode).Should().Be(expected);
}
