namespace Intake.Kiosk.Host.Staff.Auth;

/// <summary>
/// The two roles of the desk and the authorization policies that name them. A technician may also do staff work
/// (the <see cref="StaffPolicy"/> admits both): the one who repairs a kiosk must be able to check a scan end to end;
/// a staff member may not open the technician's pages.
/// </summary>
public static class StaffRoles
{
    public const string Staff = "staff";
    public const string Technician = "technician";

    /// <summary>The policy of the staff desk: role staff or technician.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>The policy of the technician's pages: role technician only.</summary>
    public const string TechnicianPolicy = "Technician";

    public static IReadOnlyList<string> All { get; } = [Staff, Technician];
}
