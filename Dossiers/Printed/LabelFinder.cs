using Intake.Dossiers.Text;

namespace Intake.Dossiers.Printed;

/// <summary>
/// Finds the labels in a line, longest first, without overlaps. A Vietnamese label followed by its English twin
/// ("Giới tính / Sex") becomes one hit, so the value starts after both.
/// </summary>
internal static class LabelFinder
{
    public static IReadOnlyList<LabelHit> Find(IReadOnlyList<FoldedToken> tokens)
    {
        var taken = new bool[tokens.Count];
        var hits = new List<LabelHit>();
        foreach (var label in FieldLabels.All)
        {
            var last = label.StartOfLineOnly ? 0 : tokens.Count - label.Keys.Count;
            for (var start = 0; start <= last; start++)
            {
                if (Free(taken, start, label.Keys.Count) && FuzzyPhrase.ErrorsAt(tokens, start, label.Keys) is not null)
                {
                    Array.Fill(taken, true, start, label.Keys.Count);
                    hits.Add(new LabelHit(label, start, start + label.Keys.Count));
                }
            }
        }

        return Merge(hits.OrderBy(h => h.FirstToken).Select(h => WithTwin(tokens, taken, h)).ToList());
    }

    /// <summary>
    /// Extends a hit over the English twin that follows it ("Giới tính / Sex"), even a one-word twin that would not
    /// count on its own in mid-line.
    /// </summary>
    private static LabelHit WithTwin(IReadOnlyList<FoldedToken> tokens, bool[] taken, LabelHit hit)
    {
        foreach (var twin in FieldLabels.All.Where(l => l.Field == hit.Label.Field && l.StartOfLineOnly))
        {
            if (Free(taken, hit.EndToken, twin.Keys.Count) && FuzzyPhrase.ErrorsAt(tokens, hit.EndToken, twin.Keys) is not null)
            {
                Array.Fill(taken, true, hit.EndToken, twin.Keys.Count);
                return hit with { EndToken = hit.EndToken + twin.Keys.Count };
            }
        }

        return hit;
    }

    private static bool Free(bool[] taken, int start, int count) =>
        start + count <= taken.Length && !taken.AsSpan(start, count).Contains(true);

    private static List<LabelHit> Merge(List<LabelHit> hits)
    {
        var merged = new List<LabelHit>();
        foreach (var hit in hits)
        {
            if (merged.Count > 0 && merged[^1].Label.Field == hit.Label.Field && merged[^1].EndToken == hit.FirstToken)
            {
                var previous = merged[^1];
                var generation = previous.Label.Generation != CardGeneration.Unknown ? previous.Label : hit.Label;
                merged[^1] = new LabelHit(generation, previous.FirstToken, hit.EndToken);
            }
            else
            {
                merged.Add(hit);
            }
        }

        return merged;
    }
}
