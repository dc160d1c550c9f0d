using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Intake.Dossiers.Tests.Package;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema (2020-12) that dossier.schema.json uses: type (one or a
/// list), enum, required, properties, additionalProperties false, items, $ref to #/$defs, pattern, minLength,
/// minimum, maximum. Returns every violation with its JSON path, so a failing test says what is wrong where.
/// </summary>
public static class JsonSchemaCheck
{
    public static IReadOnlyList<string> Violations(JsonElement schema, JsonElement instance)
    {
        var problems = new List<string>();
        Check(schema, schema, instance, "$", problems);
        return problems;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            Check(root, target, value, path, problems);
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!allowed.Any(t => IsType(value, t)))
            {
                problems.Add($"{path}: expected {string.Join("|", allowed)}, found {value.ValueKind}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ToString() == value.ToString()))
        {
            problems.Add($"{path}: \"{value}\" is not one of {values}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
            {
                problems.Add($"{path}: \"{text}\" does not match {pattern}");
            }

            if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
            {
                problems.Add($"{path}: shorter than {minLength}");
            }
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble())
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {number} below {minimum}"));
            }

            if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDouble())
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {number} above {maximum}"));
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                {
                    problems.Add($"{path}: missing \"{name}\"");
                }
            }

            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Check(root, propertySchema, property.Value, $"{path}.{property.Name}", problems);
                }
                else if (closed)
                {
                    problems.Add($"{path}: unexpected \"{property.Name}\"");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), problems);
            }
        }
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => false,
    };
}
