namespace Intake.Dossiers.Mrz;

/// <summary>
/// The expiry date. A card without expiry ("Không thời hạn") has been seen with 991231; that convention is
/// unverified, so it is read as "no expiry" and reported as such rather than as a date in 2099.
/// </summary>
internal static class MrzExpiry
{
    private const string NoExpiryMarker = "991231";

    public static (DateOnly? Date, bool None) Read(MrzRepairBench bench, string yymmdd)
    {
        if (yymmdd == NoExpiryMarker)
        {
            bench.AddCheck(Check.Pass(
                "mrz.noExpiry",
                "MRZ: hạn 991231 được hiểu là không thời hạn (quy ước chưa xác minh)",
                "MRZ: expiry 991231 read as no expiry (unverified convention)"));
            return (null, true);
        }

        return (MrzDates.ToDate(yymmdd, 2000), false);
    }
}
