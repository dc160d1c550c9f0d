namespace Intake.Pages;

/// <summary>An axis-aligned rectangle in pixels, origin top left.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;
}
