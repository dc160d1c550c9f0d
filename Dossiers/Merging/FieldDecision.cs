namespace Intake.Dossiers.Merging;

/// <summary>
/// The merger's working state for one field: the value chosen, whether it came from an exact source, whether another
/// source confirms it or disputes it. Confidence is settled only at the end, once every confirmation is known.
/// </summary>
internal sealed record FieldDecision(FieldCandidate Chosen, IReadOnlyList<string> Alternatives, bool Confirmed, bool Disputed, bool ExactDispute)
{
    public bool IsManual => Chosen.Field.Source == FieldSource.Manual;

    /// <summary>
    /// A wrong value must never carry high confidence: an exact source is trusted (≥ 0.95) unless another exact
    /// source disputes it; a value only OCR vouches for stays below 0.9 until something independent confirms it,
    /// and a disputed one falls to 0.5.
    /// </summary>
    public Field Settle()
    {
        var confidence = Chosen.Field.Confidence;
        if (IsManual)
        {
            confidence = 1.0;
        }
        else if (Chosen.IsExact)
        {
            confidence = Math.Max(confidence, ApplicantMerger.ExactFloor);
            if (ExactDispute)
            {
                confidence = Math.Min(confidence, 0.6);
            }
        }
        else
        {
            if (!Confirmed)
            {
                confidence = Math.Min(confidence, ApplicantMerger.OcrCeiling);
            }

            if (Disputed)
            {
                confidence = Math.Min(confidence, 0.5);
            }
        }

        return Chosen.Field with { Confidence = confidence, Alternatives = Alternatives };
    }
}
