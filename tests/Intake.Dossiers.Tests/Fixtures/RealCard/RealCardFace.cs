namespace Intake.Dossiers.Tests.Fixtures.RealCard;

/// <summary>One face of a real-layout card: 2021 CCCD (Circular 06/2021/TT-BCA) or 2024 Căn cước (Circular 16/2024/TT-BCA).</summary>
public enum RealCardFace
{
    Front2021,
    Back2021,
    Front2024,
    Back2024,
}
