using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Intake.Bench.MrzVsPeer;

// bench/mrz-vs-peer (issue 9): our MRZ parser against the npm `mrz` parser on generated Vietnamese TD1 MRZs with
// injected OCR errors. Verbs:
//   generate <count> <seed> <cases.jsonl>     the cases: kind, where the error landed, damaged lines, truth
//   ours <cases.jsonl> <results.jsonl>        MrzParser on every case, as normalised fields (run.sh runs npm's beside it)
//   score <cases.jsonl> <ours.jsonl> <npm.jsonl>   the tables, in Markdown
return args switch
{
    ["generate", var count, var seed, var path] => Generate(int.Parse(count, CultureInfo.InvariantCulture), int.Parse(seed, CultureInfo.InvariantCulture), path),
    ["ours", var cases, var path] => OursRunner.Run(cases, path),
    ["score", var cases, var ours, var npm] => Scoring.Print(cases, ours, npm),
    _ => Usage(),
};

static int Generate(int count, int seed, string path)
{
    var random = new Random(seed);
    using var writer = new StreamWriter(path);
    for (var id = 0; id < count; id++)
    {
        var kind = ErrorInjector.Kinds[id % ErrorInjector.Kinds.Length];
        var truth = Td1Truth.Create(random);
        var (lines, where) = ErrorInjector.Inject(kind, truth.Lines(), random);
        var node = new JsonObject
        {
            ["id"] = id,
            ["kind"] = kind,
            ["where"] = where,
            ["lines"] = new JsonArray([.. lines.Select(l => JsonValue.Create(l))]),
            ["truth"] = new JsonObject
            {
                ["documentNumber"] = truth.DocumentNumber,
                ["idNumber"] = truth.IdNumber,
                ["birthDate"] = truth.BirthDate,
                ["sex"] = truth.Sex.ToString(),
                ["expiryDate"] = truth.ExpiryDate,
                ["nationality"] = "VNM",
                ["surname"] = truth.Surname,
                ["givenNames"] = truth.GivenNames,
            },
        };
        writer.WriteLine(node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: generate <count> <seed> <cases.jsonl> | ours <cases.jsonl> <out.jsonl> | score <cases.jsonl> <ours.jsonl> <npm.jsonl>");
    return 2;
}
