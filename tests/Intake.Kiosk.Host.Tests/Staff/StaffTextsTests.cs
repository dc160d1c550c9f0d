using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Intake.Kiosk.Host.Staff.Desk;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Staff;

/// <summary>The desk's texts: Vietnamese and English hold the same keys, and every key the pages and script use is in both.</summary>
public sealed partial class StaffTextsTests
{
    [Fact]
    public void Every_text_the_desk_uses_is_in_Vietnamese_and_in_English()
    {
        var vi = Keys("strings.vi.json");
        var en = Keys("strings.en.json");
        vi.Should().BeEquivalentTo(en);
        var used = new[] { "signin.html", "desk.html", "desk.js", "signin.js" }
            .SelectMany(name => UsedKey().Matches(Read(name)).Select(m => m.Groups["key"].Value))
            .Where(key => !key.StartsWith("field.", StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        used.Should().NotBeEmpty();
        vi.Should().Contain(used);
        vi.Should().Contain(Intake.Dossiers.FieldNames.All.Select(f => "field." + f));
    }

    private static string[] Keys(string name) => [.. JsonDocument.Parse(Read(name)).RootElement.EnumerateObject().Select(p => p.Name)];

    private static string Read(string name)
    {
        using var stream = typeof(StaffDesk).Assembly.GetManifestResourceStream("staff/" + name) ?? throw new FileNotFoundException(name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("""(?:data-t"?[=:] ?"|\bt\(")(?<key>[a-z]+\.[A-Za-z]+)""")]
    private static partial Regex UsedKey();
}
