using System.Globalization;
using System.Text;
using FluentAssertions;
using Intake.Bench.StoreDriver;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Sync.Tests.Store;

/// <summary>
/// Issue 11, encryption: after commits, no file under the data folder holds the applicant's name (NFC, NFD, upper,
/// lower, with and without diacritics), ID number or date of birth (dd/MM/yyyy, ddMMyyyy, ISO) in UTF-8 or UTF-16;
/// without the key file, opening says the key is missing; with another key, that it is not this store's key.
/// (The same scan after the real `intake process` on card scans: Kiosk.Host.Tests StoreProcessTests.)
/// </summary>
public sealed class StoreEncryptionTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    [Fact]
    public void No_personal_value_appears_in_any_file_in_any_form()
    {
        var applicant = StoreFolder.Small;
        using (var store = _folder.Open())
        {
            for (var i = 0; i < 3; i++) StoreFolder.CommitSynthetic(store, applicant, seed: i);
            var first = store.List()[0];
            store.Acknowledge(first.Id, "r-1");
        }

        var forms = PersonalForms(applicant.FullName, applicant.IdNumber, applicant.DateOfBirth);
        var files = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories).ToArray();
        files.Should().Contain(f => f.EndsWith("intake.db", StringComparison.Ordinal));
        files.Length.Should().BeGreaterThan(10);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var form in forms)
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                    bytes.AsSpan().IndexOf(encoding.GetBytes(form)).Should().Be(-1, $"{Path.GetFileName(file)} must not hold '{form}'");
            }
        }
    }

    [Fact]
    public void Without_the_key_file_opening_says_so()
    {
        using (var store = _folder.Open()) StoreFolder.CommitSynthetic(store);
        File.Delete(Path.Combine(_folder.Path, "store.key"));

        var open = () => _folder.Open();
        open.Should().Throw<StoreKeyException>().Which.Message.Should()
            .Contain("thiếu khóa mã hóa").And.Contain("the encryption key").And.Contain("is missing");
        File.Exists(Path.Combine(_folder.Path, "store.key")).Should().BeFalse("a missing key is never silently replaced");
    }

    [Fact]
    public void Another_key_is_not_mistaken_for_this_store_key()
    {
        using (var store = _folder.Open()) StoreFolder.CommitSynthetic(store);
        File.WriteAllBytes(Path.Combine(_folder.Path, "store.key"), new byte[32]);

        var open = () => _folder.Open();
        open.Should().Throw<StoreKeyException>().Which.Message.Should().Contain("is not this store's key");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_key_file_is_created_0600()
    {
        using (_folder.Open())
        {
        }

        File.GetUnixFileMode(Path.Combine(_folder.Path, "store.key")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => _folder.Dispose();

    internal static List<string> PersonalForms(string fullName, string idNumber, DateOnly dateOfBirth)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var names = new[] { fullName, fullName.ToUpper(vi), fullName.ToLower(vi) };
        var forms = new List<string>();
        foreach (var name in names)
        {
            forms.Add(name.Normalize(NormalizationForm.FormC));
            forms.Add(name.Normalize(NormalizationForm.FormD));
            forms.Add(WithoutDiacritics(name));
        }

        forms.Add(idNumber);
        forms.Add(dateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        forms.Add(dateOfBirth.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
        forms.Add(dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        forms.Add(dateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture));
        return forms;
    }

    private static string WithoutDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(decomposed.ToArray()).Replace('đ', 'd').Replace('Đ', 'D');
    }
}
