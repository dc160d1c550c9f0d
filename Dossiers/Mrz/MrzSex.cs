namespace Intake.Dossiers.Mrz;

/// <summary>The MRZ sex character: M, F, or '&lt;' for unspecified; anything else is a misreading, reported.</summary>
internal static class MrzSex
{
    public static char? Read(MrzRepairBench bench, char c)
    {
        if (c is 'M' or 'F')
        {
            return c;
        }

        if (c != '<')
        {
            bench.AddCheck(Check.Fail("mrz.sex", $"MRZ: giới tính '{c}' không hợp lệ", $"MRZ: sex '{c}' is not M, F or <"));
        }

        return null;
    }
}
