namespace Intake.Dossiers;

/// <summary>
/// The outcome of one validation. The message is Vietnamese first, then English after " / ",
/// because the citizen and the desk officer read Vietnamese and the logs are read by engineers.
/// </summary>
public sealed record Check(string Name, bool Passed, string Message)
{
    public const string LanguageSeparator = " / ";

    public static Check Pass(string name, string vietnamese, string english) =>
        new(name, true, vietnamese + LanguageSeparator + english);

    public static Check Fail(string name, string vietnamese, string english) =>
        new(name, false, vietnamese + LanguageSeparator + english);
}
