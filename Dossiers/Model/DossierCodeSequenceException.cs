namespace Intake.Dossiers;

/// <summary>The dossier sequence cannot hand out a code; the message is Vietnamese, then ` / `, then English.</summary>
public sealed class DossierCodeSequenceException : Exception
{
    public DossierCodeSequenceException(string vietnamese, string english, Exception? inner = null)
        : base($"{vietnamese} / {english}", inner)
    {
    }

    public DossierCodeSequenceException()
    {
    }

    public DossierCodeSequenceException(string message)
        : base(message)
    {
    }

    public DossierCodeSequenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
