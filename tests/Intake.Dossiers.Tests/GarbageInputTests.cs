using System.Text;
using FluentAssertions;
using Intake.Dossiers.Classification;
using Intake.Dossiers.Mrz;
using Intake.Dossiers.Printed;
using Intake.Dossiers.Qr;
using Intake.Dossiers.Tests.Fixtures;
using Intake.Dossiers.Text;

namespace Intake.Dossiers.Tests;

/// <summary>Every extractor takes whatever OCR or a QR reader hands it; none may throw.</summary>
public class GarbageInputTests
{
    private const string Alphabet = "0123456789OIBSZ<«|/:.-, \nabcNAMnamĐđăâêôơưàáảãạ\u0301\u0323٣ ¿€\t";

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_extractor_throws_on_random_text(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var text = RandomText(random, random.Next(0, 120));
            var lines = text.Split('\n');

            var act = () =>
            {
                MrzParser.Parse(text);
                CccdQrParser.Parse(text);
                VietnameseDate.Parse(text);
                VietnameseText.NormaliseTonePlacement(text);
                PrintedFieldExtractor.Extract(FakeOcrPage.Card(lines));
                DocumentClassifier.Classify(FakeOcrPage.Card(lines), text, hasMrz: true);
            };

            act.Should().NotThrow($"input \"{text}\"");
        }
    }

    [Fact]
    public void Mrz_shaped_noise_never_throws()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var lines = Enumerable.Range(0, 3).Select(_ => RandomText(random, 30, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<<<<<<<<<")).ToArray();

            var act = () => MrzParser.Parse(lines);

            act.Should().NotThrow();
        }
    }

    private static string RandomText(Random random, int length, string alphabet = Alphabet)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
