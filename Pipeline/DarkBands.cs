using Intake.Imaging;

namespace Intake.Pipeline;

/// <summary>
/// A cheap look for a dark band across a page (a title bar printed white on dark) before the costlier
/// <see cref="Imaging.Cleanup.DarkBarInverter"/> searches for it: every fourth row is sampled, and a band is a few
/// sampled rows in a row that are mostly dark. Ordinary pages of dark text on light paper never have one (a line
/// of bold capitals darkens under a third of its row), so they skip the inverter.
/// </summary>
internal static class DarkBands
{
    private const int RowStep = 4;

    // a row of a title bar: at least this share of its pixels darker than DarkLevel (bars indented to 85 % of the width count)
    private const double DarkShare = 0.4;
    private const int DarkLevel = 110;

    // sampled rows in a row: 3 × 4 = 12 px, less than the height of any bar that holds a line of text
    private const int MinRows = 3;

    public static bool Present(Image page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.UsePixels(buffer =>
        {
            var run = 0;
            for (var y = 0; y < buffer.Height; y += RowStep)
            {
                run = DarkRow(buffer, y) ? run + 1 : 0;
                if (run >= MinRows) return true;
            }
            return false;
        });
    }

    private static unsafe bool DarkRow(PixelBuffer buffer, int y)
    {
        var row = new ReadOnlySpan<byte>((byte*)buffer.Data + ((long)y * buffer.Stride), buffer.Width * buffer.BytesPerPixel);
        var dark = 0;
        var step = buffer.BytesPerPixel;
        for (var x = 0; x < row.Length; x += step)
        {
            // colour: the first channel stands for the pixel (a dark bar is dark in every channel)
            if (row[x] < DarkLevel) dark++;
        }
        return dark >= buffer.Width * DarkShare;
    }
}
