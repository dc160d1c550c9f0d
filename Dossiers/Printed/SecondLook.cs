using Intake.Pages;

namespace Intake.Dossiers.Printed;

/// <summary>
/// A zone of a recognised piece the domain wants read again, restricted to the characters its field can hold: the
/// page pipeline reads it (Tesseract with that alphabet, one line) and hands the answer back in
/// <see cref="Assembly.RecognisedPiece.SecondLooks"/>. <paramref name="Box"/> is in the piece's pixels.
/// </summary>
public sealed record ZoneRequest(string Field, PixelRect Box, string Alphabet);

/// <summary>What a second look read in a <see cref="ZoneRequest"/>'s zone, with the engine's mean confidence (0..1).</summary>
public sealed record ZoneAnswer(string Field, string Text, double Confidence);

/// <summary>Which zones of a piece deserve a second look, decided from its first reading.</summary>
public static class SecondLook
{
    public const string Digits = "0123456789";

    /// <summary>The capitals a name on a card is printed in: the Latin ones and every Vietnamese letter with its marks, and the space.</summary>
    public const string NameCapitals = "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆFGHIÌÍỈĨỊJKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVWXYỲÝỶỸỴZ ";

    // The name's line is widened above by this share of its height, where a tone mark over a capital stands (the first
    // reading may have dropped it, and its box with it), and a little below, short of the next line.
    private const double NameAbove = 0.5;
    private const double NameBelow = 0.2;
    private const double NameSides = 0.6;

    // The number is printed bold and larger than the labels around it; its box from the first reading is widened by
    // these shares of its height: a little on the left, where the label ends just before the number (a wider margin
    // let "No:" in, read as a digit), more on the right and above and below, where a digit lost at the end may lie.
    private const double LeftMargin = 0.15;
    private const double Margin = 0.6;

    /// <summary>
    /// The ID numbers' zones (12-digit personal number, 9-digit old number) on a card front: where the first reading
    /// put the value after its label ("Số / No.:", "Số định danh cá nhân"), to be read again with digits only, because
    /// the bold print after the label is where the general model reads B for 8 and ( for a leading 0; where the first
    /// reading saw nothing after a label standing alone, the zone under it (<see cref="PrintedFieldReading.Missing"/>).
    /// </summary>
    /// <remarks>
    /// Unless <paramref name="nameFromCode"/> (a QR code on the card gave the name exactly), the name's line too, read
    /// again alone with <see cref="NameCapitals"/>: in a whole card's reading a tone mark over a capital is the mark
    /// Tesseract loses (QUYNH for QUỲNH on a 2024 front, which has no QR), and a line read alone keeps it.
    /// </remarks>
    public static IReadOnlyList<ZoneRequest> Wanted(PageText? page, bool nameFromCode = false)
    {
        if (page is null)
        {
            return [];
        }

        var requests = new List<ZoneRequest>();
        var printed = PrintedFieldExtractor.Extract(page);
        foreach (var name in new[] { FieldNames.IdNumber, FieldNames.OldIdNumber })
        {
            var read = printed.Fields.TryGetValue(name, out var field) ? field.Box : null;
            if ((read ?? (printed.Unread.TryGetValue(name, out var unread) ? unread : null)) is { } box)
            {
                var margin = (int)Math.Ceiling(box.Height * Margin);
                var x = Math.Max(0, box.X - (int)Math.Ceiling(box.Height * LeftMargin));
                var y = Math.Max(0, box.Y - margin);
                var right = Math.Min(page.Width, box.Right + margin);
                var bottom = Math.Min(page.Height, box.Bottom + margin);
                if (right > x && bottom > y)
                {
                    requests.Add(new ZoneRequest(name, new PixelRect(x, y, right - x, bottom - y), Digits));
                }
            }
            else if (printed.Missing.TryGetValue(name, out var under))
            {
                // nothing read where the number stands: the zone under its label, as it is
                var right = Math.Min(page.Width, under.Right);
                var bottom = Math.Min(page.Height, under.Bottom);
                if (right > under.X && bottom > under.Y)
                {
                    requests.Add(new ZoneRequest(name, new PixelRect(under.X, under.Y, right - under.X, bottom - under.Y), Digits));
                }
            }
        }

        if (!nameFromCode && printed.Fields.TryGetValue(FieldNames.FullName, out var fullName) && fullName.Box is { } line)
        {
            var x = Math.Max(0, line.X - (int)Math.Ceiling(line.Height * NameSides));
            var y = Math.Max(0, line.Y - (int)Math.Ceiling(line.Height * NameAbove));
            var right = Math.Min(page.Width, line.Right + (int)Math.Ceiling(line.Height * NameSides));
            var bottom = Math.Min(page.Height, line.Bottom + (int)Math.Ceiling(line.Height * NameBelow));
            if (right > x && bottom > y)
            {
                requests.Add(new ZoneRequest(FieldNames.FullName, new PixelRect(x, y, right - x, bottom - y), NameCapitals));
            }
        }

        return requests;
    }
}
