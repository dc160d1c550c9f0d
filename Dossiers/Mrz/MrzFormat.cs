namespace Intake.Dossiers.Mrz;

/// <summary>ICAO 9303 machine-readable zone sizes: TD1 cards (3×30), TD2 (2×36), TD3 passports (2×44).</summary>
public enum MrzFormat
{
    Td1,
    Td2,
    Td3,
}
