namespace Intake.Dossiers.Package;

/// <summary>One file of a dossier package in memory: its name in the package folder and its exact bytes.</summary>
public sealed record PackageFile(string Name, byte[] Bytes);
