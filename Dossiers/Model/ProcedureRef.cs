namespace Intake.Dossiers;

/// <summary>The administrative procedure (TTHC) a dossier is for, as the portal names it, e.g. 1.001193 "Đăng ký khai sinh".</summary>
public sealed record ProcedureRef(string Code, string Name);
