using Intake.Dossiers.Tests.Fixtures;

namespace Intake.Kiosk.Host.Tests.Cli;

/// <summary>
/// A temporary folder of inputs for `intake process` tests, deleted on dispose, and the CCCD pair they feed the verb:
/// a synthetic citizen's card front and back on two generated flatbed scans, the back upside down (184°).
/// </summary>
internal sealed class ProcessInputFolder(string prefix) : IDisposable
{
    public string FullName { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The card front ("front.jpg") and back ("back.jpg") of <paramref name="citizen"/> as flatbed scans.</summary>
    public (string Front, string Back) WriteCardScans(SyntheticCitizen citizen) => (
        Write("front.jpg", FlatbedScanFactory.Render(citizen, [new CardPlacement(CardSide.Front2021, 90, 80, 6)])),
        Write("back.jpg", FlatbedScanFactory.Render(citizen, [new CardPlacement(CardSide.Back2021, 100, 120, 184)], seed: 2)));

    public void Dispose() => Directory.Delete(FullName, recursive: true);
}
