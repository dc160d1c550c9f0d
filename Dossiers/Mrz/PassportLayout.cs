namespace Intake.Dossiers.Mrz;

/// <summary>
/// TD2 (2×36) and TD3 (2×44, passports). Line 1: document code, issuer, name. Line 2: number + check, nationality,
/// birth + check, sex, expiry + check, optional data (TD3: personal number + check), composite.
/// </summary>
internal static class PassportLayout
{
    public static MrzReading Read(MrzRepairBench bench, MrzFormat format)
    {
        var length = format == MrzFormat.Td3 ? 44 : 36;
        bench.ForceLetters(0, 0, length, "documentCodeAndName");
        bench.ForceDigits(1, 9, 1, MrzReading.DocumentNumberField);
        bench.ForceLetters(1, 10, 3, "nationality");
        bench.ForceDigits(1, 13, 7, MrzReading.DateOfBirthField);
        bench.ForceDigits(1, 21, 7, MrzReading.ExpiryField);
        bench.ForceDigits(1, length - 1, 1, MrzReading.CompositeField);

        bench.Verify(MrzReading.DocumentNumberField, 1, 0, 9, 9, MrzFieldKind.AlphaNumeric);
        bench.Verify(MrzReading.DateOfBirthField, 1, 13, 6, 19, MrzFieldKind.Date);
        bench.Verify(MrzReading.ExpiryField, 1, 21, 6, 27, MrzFieldKind.Date);
        if (format == MrzFormat.Td3)
        {
            bench.Verify(MrzReading.PersonalNumberField, 1, 28, 14, 42, MrzFieldKind.AlphaNumeric);
        }

        bench.VerifyComposite([(1, 0, 10), (1, 13, 7), (1, 21, length - 22)], 1, length - 1);

        var (surname, given) = MrzNames.Split(bench.Get(0, 5, length - 5));
        var expiry = MrzExpiry.Read(bench, bench.Get(1, 21, 6));
        return new MrzReading(
            format,
            bench.Lines,
            bench.Get(0, 0, 2).TrimEnd('<'),
            bench.Get(0, 2, 3),
            bench.Get(1, 0, 9).TrimEnd('<'),
            bench.Get(1, 10, 3).TrimEnd('<'),
            MrzDates.BirthDate(bench.Get(1, 13, 6), null),
            MrzSex.Read(bench, bench.Get(1, 20, 1)[0]),
            expiry.Date,
            expiry.None,
            surname,
            given,
            null,
            bench.Results,
            bench.Repairs);
    }
}
