using System.Globalization;
using System.Text.Json.Nodes;

namespace Intake.Bench.MrzVsPeer;

/// <summary>
/// Scores both parsers on the same cases. Per case, one outcome: <b>flagged</b> when the parser says the MRZ is not
/// valid (a failed check digit or check, or input refused); otherwise <b>right</b> when every field equals the
/// truth and nothing was corrected, <b>repaired right</b> when every field equals the truth after a correction, and
/// <b>wrong, no flag</b> when a field is wrong or missing while the result says valid. The fields compared are the
/// card number, the 12-digit ID, birth date, sex, expiry (YYMMDD as written), nationality, surname and given names.
/// </summary>
internal static class Scoring
{
    private static readonly string[] Outcomes = ["right", "repaired right", "flagged", "wrong, no flag"];

    private static readonly (string Group, string[] Fields)[] Groups =
    [
        ("number (card no., ID)", ["documentNumber", "idNumber"]),
        ("dates", ["birthDate", "expiryDate"]),
        ("sex", ["sex"]),
        ("nationality", ["nationality"]),
        ("names", ["surname", "givenNames"]),
    ];

    public static int Print(string casesPath, string oursPath, string npmPath)
    {
        var cases = File.ReadLines(casesPath).Select(l => JsonNode.Parse(l)!).ToArray();
        var parsers = new[] { ("ours (Intake MrzParser)", Load(oursPath)), ("npm mrz 5.0.2 (autocorrect)", Load(npmPath)) };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Length} generated Vietnamese TD1 MRZs, one injected error each\n"));
        Console.WriteLine("| parser | kind | cases | right | repaired right | flagged | wrong, no flag |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, results) in parsers)
        {
            foreach (var kind in ErrorInjector.Kinds.Append("all"))
            {
                var ofKind = cases.Where(c => kind == "all" || c["kind"]!.GetValue<string>() == kind).ToArray();
                var counts = Outcomes.ToDictionary(o => o, _ => 0);
                foreach (var c in ofKind)
                {
                    counts[Outcome(c, results[c["id"]!.GetValue<int>()])]++;
                }

                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {kind} | {ofKind.Length} | {counts["right"]} | {counts["repaired right"]} | {counts["flagged"]} | {counts["wrong, no flag"]} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Wrong without a flag, by the field that is wrong (a case can count in two groups); for ours also a wrong value the dossier would take with confidence ≥ 0.9:\n");
        Console.WriteLine("| parser | " + string.Join(" | ", Groups.Select(g => g.Group)) + " |");
        Console.WriteLine("| --- |" + string.Concat(Groups.Select(_ => " ---: |")));
        foreach (var (name, results) in parsers)
        {
            var silent = Groups.Select(g => cases.Count(c => results[c["id"]!.GetValue<int>()] is var r && IsValid(r) && g.Fields.Any(f => Wrong(c, r, f))));
            Console.WriteLine($"| {name} | " + string.Join(" | ", silent) + " |");
        }

        var (_, ours) = parsers[0];
        var confident = Groups.Select(g => cases.Count(c => ours[c["id"]!.GetValue<int>()] is var r && g.Fields.Any(f => Wrong(c, r, f) && Confidence(r, f) >= 0.9)));
        Console.WriteLine("| ours, wrong at confidence ≥ 0.9 | " + string.Join(" | ", confident) + " |");
        return 0;
    }

    private static Dictionary<int, JsonNode> Load(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToDictionary(n => n["id"]!.GetValue<int>());

    private static string Outcome(JsonNode c, JsonNode result)
    {
        if (!IsValid(result))
        {
            return "flagged";
        }

        var allRight = c["truth"]!.AsObject().All(t => !Wrong(c, result, t.Key));
        return !allRight ? "wrong, no flag" : result["corrected"]!.GetValue<bool>() ? "repaired right" : "right";
    }

    private static bool IsValid(JsonNode result) => result["valid"]!.GetValue<bool>();

    private static bool Wrong(JsonNode c, JsonNode result, string field) =>
        result["fields"]?[field]?.GetValue<string>() != c["truth"]![field]!.GetValue<string>();

    private static double Confidence(JsonNode result, string field) => result["confidence"]?[field]?.GetValue<double>() ?? 0;
}
