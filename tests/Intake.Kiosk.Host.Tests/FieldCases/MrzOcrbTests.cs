using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Intake.Kiosk.Host.Tests.FieldCases;

/// <summary>
/// Field case `mrz-ocrb/` (naptha/tesseract.js#520; issue 9): a card back whose MRZ is printed in real OCR-B, where
/// Tesseract reads '&lt;' fillers as K and the "3"s of line 2 as "S" and "3S". Through `intake process` the MRZ is
/// repaired from its fixed structure and check digits and gives the ID number, birth date, sex and expiry, every
/// check digit valid. Read as it comes (the card at 300 dpi) the band gives line 2's expiry as 'S0090D', two misreads
/// in one field that the check digit cannot place (2050-09-09, flagged); the band read again at 200 dpi, as every MRZ
/// whose check digits fail on a card finer than 250 dpi is (CardOrienter), gives 2030-09-09.
/// </summary>
public sealed class MrzOcrbTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-mrz-ocrb-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_ocr_b_back_gives_its_fields_from_the_repaired_mrz_with_every_check_digit_valid()
    {
        var (run, dossier) = await FieldCase.Process(Path.Combine(_folder.FullName, "out"), FieldCase.File("mrz-ocrb", "back-only-flatbed.png"));

        log.WriteLine(run.Output + run.Error);
        run.ExitCode.Should().Be(0, run.Error);
        var applicant = dossier!.Value.GetProperty("applicant");
        foreach (var (field, expected) in new[] { ("idNumber", "092190007788"), ("dateOfBirth", "1990-09-09"), ("sex", "F"), ("expiryDate", "2030-09-09") })
        {
            applicant.GetProperty(field).GetProperty("value").GetString().Should().Be(expected, field);
            applicant.GetProperty(field).GetProperty("source").GetString().Should().Be("mrz", field);
        }

        var checks = dossier.Value.GetProperty("checks").EnumerateArray()
            .Select(c => (Name: c.GetProperty("name").GetString()!, Passed: c.GetProperty("passed").GetBoolean())).ToList();
        foreach (var check in checks) log.WriteLine($"{check.Name}: {check.Passed}");
        checks.Where(c => c.Name.StartsWith("mrz.", StringComparison.Ordinal)).Should().OnlyContain(c => c.Passed, "every check digit holds once repaired");
        checks.Should().Contain(c => c.Name == "mrz.composite" && c.Passed);
    }
}
