using FluentAssertions;
using Intake.Bench.PageGenerator;
using Intake.Ocr;
using Intake.Pages;
using Intake.Pipeline;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Pipeline;

/// <summary>
/// The second look at weak words (issue 9): a word doubted on the binarised copy is read again from the grey page,
/// and replaced only by a surer reading with the same letters. The field case itself is in <see cref="TurnFieldCaseTests"/>.
/// </summary>
public sealed class WeakWordRereaderTests(SharedPipeline shared) : IClassFixture<SharedPipeline>
{
    [Theory]
    [InlineData("phố", "phổ", "pho")]
    [InlineData("Đường", "đuờng", "duong")]
    [InlineData("TRẦN", "Tran", "tran")]
    public void Marks_and_case_are_set_aside_but_letters_are_not(string one, string other, string letters)
    {
        WeakWordRereader.Letters(one).Should().Be(letters);
        WeakWordRereader.Letters(other).Should().Be(letters);
    }

    [Theory]
    [InlineData("pho", 0)]
    [InlineData("phố", 2)]
    [InlineData("Đường", 4)]
    [InlineData("rápida", 1)]
    public void Marks_count_combining_marks_and_the_stroke_of_d(string word, int marks) =>
        WeakWordRereader.Marks(word).Should().Be(marks);

    [Theory]
    [InlineData("phố", 0.96, true)]    // another mark, clearly surer
    [InlineData("phố", 0.92, false)]   // not surer by MinGain
    [InlineData("pho", 0.99, false)]   // fewer marks: binarisation does not add marks for a second look to take away
    [InlineData("phổ", 0.99, false)]   // the same reading
    [InlineData("phở", 0.99, true)]
    [InlineData("phổi", 0.99, false)]  // a letter more: not what binarisation does
    [InlineData("ph ố", 0.99, false)]  // split in two
    [InlineData("", 0.99, false)]
    public void A_re_read_replaces_a_word_only_when_surer_with_the_same_letters(string reread, double confidence, bool accepted)
    {
        var word = new OcrWord("phổ", new PixelRect(0, 0, 10, 10), 0.87, 0, 0);
        WeakWordRereader.Accepts(word, reread, confidence).Should().Be(accepted);
    }

    /// <summary>
    /// A real page read by a real engine, with one word's first reading made wrong and weak (as the binarised copy
    /// misreads it): the second look finds the word by its box on the grey page and puts the text, the word and
    /// nothing else right; a confident word is not looked at, even when wrong.
    /// </summary>
    [Fact]
    public void A_weak_misread_word_is_put_right_from_the_grey_page_and_confident_words_are_left_alone()
    {
        var (pdf, _) = VietnamesePage.Compose(["Theo phố phường lãnh đạo"], widthMm: 120, heightMm: 30, points: 14, marginMm: 5);
        using var page = VietnamesePage.Rasterise(pdf, 300);
        var read = shared.Readers.WithEngine(engine => engine.Recognize(page));
        read.Text.Should().Contain("Theo phố phường lãnh đạo", "the grey page reads right; the test then spoils it");

        var spoiled = Spoil(Spoil(read, "phố", "phổ", 0.5), "lãnh", "lạnh", 0.99);
        var reread = shared.Readers.WithEngine(engine => WeakWordRereader.Reread(spoiled, page, 1, engine));

        reread.Text.Should().Contain("Theo phố phường lạnh đạo");
        var word = reread.Words.Single(w => w.Box == read.Words.Single(r => r.Text == "phố").Box);
        word.Text.Should().Be("phố");
        word.Confidence.Should().BeGreaterThanOrEqualTo(0.5 + WeakWordRereader.MinGain);
        reread.Words.Count.Should().Be(read.Words.Count);
    }

    // The page as if its word `from` had been read `to` at `confidence`, in the text and the word list.
    private static PageText Spoil(PageText read, string from, string to, double confidence)
    {
        var at = read.Text.IndexOf(from, StringComparison.Ordinal);
        return read with
        {
            Text = read.Text[..at] + to + read.Text[(at + from.Length)..],
            Words = [.. read.Words.Select(w => w.Text == from ? w with { Text = to, Confidence = confidence } : w)],
        };
    }
}
