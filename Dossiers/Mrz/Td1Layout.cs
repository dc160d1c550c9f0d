namespace Intake.Dossiers.Mrz;

/// <summary>
/// TD1 (ID cards, 3×30; ICAO 9303 Part 5). Line 1: document code, issuer, number + check, optional data
/// (Vietnam: the 12-digit ID in positions 16-27, fillers in 28-29, the ID's check digit in 30). Line 2: birth +
/// check, sex, expiry + check, nationality, optional data (Vietnam: fillers), composite. Line 3: the name.
/// Check digits follow ICAO 9303 Part 3. Every field of a Vietnamese card is either read, repaired from a look-alike, or
/// reported by a failed check: none is dropped while its check says valid.
/// </summary>
internal static class Td1Layout
{
    public static MrzReading Read(MrzRepairBench bench)
    {
        bench.ForceLetters(0, 0, 5, "documentCode");
        var issuer = bench.Get(0, 2, 3);
        var vietnamese = issuer == "VNM";

        // Vietnamese card numbers are the last nine digits of the ID: a digits-only zone, like the ID itself.
        if (vietnamese)
        {
            // Line 2 of a Vietnamese card is "YYMMDDc S YYMMDDc VNM <×11 c". OCR-B "3" before the nationality read as
            // "3S" (field case mrz-ocrb) pushes VNM one place right into the fillers: the character before it is a ghost.
            if (bench.Get(1, 15, 3) != issuer && bench.Get(1, 16, 3) == issuer && bench.Get(1, 19, 10).All(c => c == '<'))
            {
                bench.RemoveGhost(1, 15, fillerAt: 18, "nationality");
            }

            bench.ForceDigits(0, 5, 10, MrzReading.DocumentNumberField);
            bench.ForceDigits(0, 15, 12, MrzReading.PersonalIdField);
            bench.ForceFillers(0, 27, 2, MrzReading.PersonalIdField);
            bench.ForceDigits(0, 29, 1, MrzReading.PersonalIdField);
            bench.ForceFillers(1, 18, 11, "optionalData");
        }
        else
        {
            bench.ForceDigits(0, 14, 1, MrzReading.DocumentNumberField);
        }

        bench.ForceDigits(1, 0, 7, MrzReading.DateOfBirthField);
        bench.ForceDigits(1, 8, 7, MrzReading.ExpiryField);
        bench.ForceLetters(1, 15, 3, "nationality");
        bench.ForceDigits(1, 29, 1, MrzReading.CompositeField);

        bench.Verify(MrzReading.DocumentNumberField, 0, 5, 9, 14, vietnamese ? MrzFieldKind.Numeric : MrzFieldKind.AlphaNumeric);
        var idValid = vietnamese && bench.Verify(MrzReading.PersonalIdField, 0, 15, 12, 29, MrzFieldKind.Numeric, optional: false);

        // a valid Vietnamese ID carries the birth year (digits 5-6): the witness a digit repair of the birth date needs
        var idYear = idValid ? bench.Get(0, 19, 2) : null;
        var birthValid = bench.Verify(MrzReading.DateOfBirthField, 1, 0, 6, 6, MrzFieldKind.Date, idYear is null ? null : c => c.StartsWith(idYear, StringComparison.Ordinal));
        bench.Verify(MrzReading.ExpiryField, 1, 8, 6, 14, MrzFieldKind.Date, vietnamese && birthValid ? ExpiryWitness(bench.Get(1, 0, 6)) : null);
        bench.VerifyComposite([(0, 5, 25), (1, 0, 7), (1, 8, 7), (1, 18, 11)], 1, 29);

        bench.ForceLetters(2, 0, 30, "name");
        if (vietnamese || bench.Get(1, 15, 3) == "VNM")
        {
            VietnameseNameZone.Clean(bench);
        }

        var (surname, given) = MrzNames.Split(bench.Get(2, 0, 30));

        string? personalId = null;
        int? century = null;
        var number = bench.Get(0, 5, 9);
        if (vietnamese)
        {
            var id = bench.Get(0, 15, 12);
            if (id.All(char.IsAsciiDigit))
            {
                personalId = id;
                century = idValid ? 1900 + ((id[3] - '0') / 2 * 100) : null;
                bench.AddCheck(id.EndsWith(number, StringComparison.Ordinal)
                    ? Check.Pass("mrz.numberMatchesId", "MRZ: số thẻ khớp 9 số cuối của số định danh", "MRZ: card number matches the last 9 digits of the ID")
                    : Check.Fail(
                        "mrz.numberMatchesId",
                        $"MRZ: số thẻ {number} khác 9 số cuối của số định danh {id}",
                        $"MRZ: card number {number} differs from the last 9 digits of ID {id}"));
            }
        }

        var expiry = MrzExpiry.Read(bench, bench.Get(1, 8, 6));
        return new MrzReading(
            MrzFormat.Td1,
            bench.Lines,
            bench.Get(0, 0, 2).TrimEnd('<'),
            issuer,
            number.TrimEnd('<'),
            bench.Get(1, 15, 3).TrimEnd('<'),
            MrzDates.BirthDate(bench.Get(1, 0, 6), century),
            MrzSex.Read(bench, bench.Get(1, 7, 1)[0]),
            expiry.Date,
            expiry.None,
            surname,
            given,
            personalId,
            bench.Results,
            bench.Repairs);
    }

    // Ages at which a Vietnamese card expires, on the holder's birthday (Luật Căn cước công dân 2014, art. 21;
    // Luật Căn cước 2023, art. 21): 25, 40 and 60.
    private static readonly int[] ExpiryAges = [25, 40, 60];

    /// <summary>
    /// What a Vietnamese card's expiry must be, given a valid birth date (YYMMDD): the same day and month, 25, 40 or 60
    /// years on. The independent witness a repair of the expiry needs (its check digit alone cannot place an error).
    /// </summary>
    private static Func<string, bool> ExpiryWitness(string birth) => expiry =>
        expiry.Length == 6 && expiry[2..] == birth[2..] && int.TryParse(expiry[..2], out var year) && int.TryParse(birth[..2], out var born)
        && ExpiryAges.Contains((year - born + 100) % 100);
}
