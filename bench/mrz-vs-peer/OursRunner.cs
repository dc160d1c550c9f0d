using System.Globalization;
using System.Text.Json.Nodes;
using Intake.Dossiers;
using Intake.Dossiers.Mrz;

namespace Intake.Bench.MrzVsPeer;

/// <summary>
/// Runs <see cref="MrzParser"/> on every case. "valid" is what a caller trusting the whole result sees: parsed, every
/// check digit valid and no failed check. The confidences are those the dossier would give each field (ToFields).
/// </summary>
internal static class OursRunner
{
    public static int Run(string casesPath, string outPath)
    {
        using var writer = new StreamWriter(outPath);
        foreach (var line in File.ReadLines(casesPath))
        {
            var node = JsonNode.Parse(line)!;
            var lines = node["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
            var result = MrzParser.Parse(lines);
            var output = new JsonObject { ["id"] = node["id"]!.GetValue<int>() };
            if (!result.Succeeded)
            {
                output["valid"] = false;
                output["refused"] = true;
                output["corrected"] = false;
                output["fields"] = new JsonObject();
            }
            else
            {
                var mrz = result.Value!;
                output["valid"] = mrz.AllCheckDigitsValid && result.Checks.All(c => c.Passed);
                output["refused"] = false;
                output["corrected"] = mrz.WasRepaired || !mrz.Lines.SequenceEqual(lines);
                output["fields"] = new JsonObject
                {
                    ["documentNumber"] = mrz.DocumentNumber,
                    ["idNumber"] = mrz.PersonalIdNumber,
                    ["birthDate"] = mrz.DateOfBirth?.ToString("yyMMdd", CultureInfo.InvariantCulture),
                    ["sex"] = mrz.Sex?.ToString(),
                    ["expiryDate"] = mrz.ExpiryDate?.ToString("yyMMdd", CultureInfo.InvariantCulture),
                    ["nationality"] = mrz.Nationality,
                    ["surname"] = mrz.Surname,
                    ["givenNames"] = mrz.GivenNames,
                };
                var fields = mrz.ToFields();
                var confidence = new JsonObject();
                foreach (var (name, ours) in new[]
                {
                    ("idNumber", FieldNames.IdNumber), ("birthDate", FieldNames.DateOfBirth), ("sex", FieldNames.Sex),
                    ("expiryDate", FieldNames.ExpiryDate), ("nationality", FieldNames.Nationality),
                    ("surname", FieldNames.FullName), ("givenNames", FieldNames.FullName),
                })
                {
                    if (fields.TryGetValue(ours, out var field))
                    {
                        confidence[name] = field.Confidence;
                    }
                }

                output["confidence"] = confidence;
            }

            writer.WriteLine(output.ToJsonString());
        }

        return 0;
    }
}
