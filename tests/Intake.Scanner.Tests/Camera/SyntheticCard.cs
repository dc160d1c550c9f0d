namespace Intake.Scanner.Tests.Camera;

/// <summary>
/// An ID-1 card's face (85.6 x 54 mm at 10 texels per mm): pale card stock, a grey photo box, and
/// lines of blocky "characters" with stroke-sized detail, which is what focus and the page finder react to.
/// </summary>
internal static class SyntheticCard
{
    public const int Width = 856;
    public const int Height = 540;

    /// <summary>Grey levels, row by row.</summary>
    public static byte[] Face { get; } = Draw();

    public static double AspectRatio => (double)Width / Height;

    private static byte[] Draw()
    {
        var face = new byte[Width * Height];
        Array.Fill(face, (byte)228);
        Fill(face, 40, 130, 200, 260, 150); // the holder's photo
        var random = new Random(5);
        for (var line = 0; line < 6; line++)
        {
            var y = 60 + line * 75;
            var x = line == 0 ? 40 : 280;
            while (x < Width - 60)
            {
                var word = random.Next(3, 9);
                for (var c = 0; c < word && x < Width - 60; c++, x += 26)
                {
                    // A 3 x 5 glyph of 7-texel cells, always with a vertical stem so no glyph is empty.
                    for (var gy = 0; gy < 5; gy++)
                        for (var gx = 0; gx < 3; gx++)
                            if (gx == 0 || random.Next(2) == 0)
                                Fill(face, x + gx * 7, y + gy * 7, 6, 6, 30);
                }
                x += 20;
            }
        }
        return face;
    }

    private static void Fill(byte[] face, int x, int y, int w, int h, byte value)
    {
        for (var yy = y; yy < y + h; yy++)
            for (var xx = x; xx < x + w; xx++)
                face[yy * Width + xx] = value;
    }
}
