using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Intake.Sync.Store;

namespace Intake.Kiosk.Host.Staff.Auth;

/// <summary>
/// The desk's roster: <c>DATA/staff.sealed</c>, JSON sealed with the store's key (<see cref="SealedFile"/>: staff
/// names are personal data too). Read and written under <c>DATA/staff.lock</c>, so `intake staff add` may run while
/// `intake serve` counts failures. After <see cref="MaxFailures"/> wrong PINs in a row the account is locked until
/// `intake staff unlock` (a technician's job: a 6-digit PIN must not get unlimited slow guesses).
/// A name that is not on the roster is answered exactly like a wrong PIN, after the same PBKDF2 work.
/// </summary>
public sealed class StaffDirectory(StoreOptions store, TimeProvider clock)
{
    public const string FileName = "staff.sealed";
    public const int MaxFailures = 5;
    private const string LockName = "staff.lock";
    private static readonly (byte[] Salt, byte[] Hash) Decoy = PinHash.Create("000000");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly object _gate = new();

    public StaffDirectory(StoreOptions store) : this(store, TimeProvider.System)
    {
    }

    public IReadOnlyList<StaffMember> List() => Locked(() => Load());

    /// <summary>The member with this name (NFC, case-insensitive), or null.</summary>
    public StaffMember? Find(string name) => Locked(() => Load().FirstOrDefault(m => Same(m.Name, name)));

    /// <exception cref="StaffException">Bad name, role or PIN; or the name is taken.</exception>
    public StaffMember Add(string name, string role, string pin)
    {
        name = Clean(name);
        if (name.Length is 0 or > 100) throw new StaffException("Tên không được để trống (tối đa 100 ký tự)", "the name must not be empty (100 characters at most)");
        if (!StaffRoles.All.Contains(role)) throw new StaffException($"Vai trò '{role}' không có (staff, technician)", $"there is no role '{role}' (staff, technician)");
        if (PinHash.Problem(pin) is { } problem) throw new StaffException(problem);
        var (salt, hash) = PinHash.Create(pin);
        return Locked(() =>
        {
            var members = Load();
            if (members.Any(m => Same(m.Name, name))) throw new StaffException($"Đã có nhân viên tên '{name}'", $"there is already a member named '{name}'");
            var member = new StaffMember(name, role, salt, hash, PinHash.Iterations, 0, false, NewStamp(), clock.GetUtcNow());
            Save([.. members, member]);
            return member;
        });
    }

    /// <summary>Clears the failures and the lock; with a new PIN, sets it. The stamp changes, so old cookies stop working.</summary>
    /// <exception cref="StaffException">No such member, or a bad PIN.</exception>
    public void Unlock(string name, string? newPin = null)
    {
        if (newPin is not null && PinHash.Problem(newPin) is { } problem) throw new StaffException(problem);
        var fresh = newPin is null ? null : PinHash.Create(newPin).ToTuple();
        Update(name, m => m with
        {
            Failures = 0,
            Locked = false,
            Stamp = NewStamp(),
            Salt = fresh?.Item1 ?? m.Salt,
            Hash = fresh?.Item2 ?? m.Hash,
            Iterations = fresh is null ? m.Iterations : PinHash.Iterations,
        });
    }

    /// <summary>Checks a PIN; counts a failure, and locks at the fifth in a row.</summary>
    public SignInResult SignIn(string name, string pin)
    {
        name = Clean(name);
        var member = Find(name);
        if (member is null)
        {
            _ = PinHash.Verify(pin, Decoy.Salt, Decoy.Hash, PinHash.Iterations);
            return new SignInResult(SignInOutcome.WrongPin, null, MaxFailures);
        }

        var right = PinHash.Verify(pin, member.Salt, member.Hash, member.Iterations);
        return Locked(() =>
        {
            // read again under the lock: another request may have counted a failure meanwhile
            var members = Load();
            var index = members.FindIndex(m => Same(m.Name, name));
            var current = members[index];
            if (current.Locked) return new SignInResult(SignInOutcome.Locked, current);
            if (right)
            {
                if (current.Failures > 0)
                {
                    members[index] = current = current with { Failures = 0 };
                    Save(members);
                }

                return new SignInResult(SignInOutcome.SignedIn, current);
            }

            var failures = current.Failures + 1;
            members[index] = current = current with { Failures = failures, Locked = failures >= MaxFailures, Stamp = failures >= MaxFailures ? NewStamp() : current.Stamp };
            Save(members);
            return current.Locked ? new SignInResult(SignInOutcome.Locked, current) : new SignInResult(SignInOutcome.WrongPin, current, MaxFailures - failures);
        });
    }

    /// <summary>True while the member exists, is not locked and still has this stamp (checked on every request with a cookie).</summary>
    public bool IsCurrent(string name, string stamp) => Find(name) is { Locked: false } m && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(m.Stamp), Encoding.ASCII.GetBytes(stamp));

    private void Update(string name, Func<StaffMember, StaffMember> change) => Locked(() =>
    {
        var members = Load();
        var index = members.FindIndex(m => Same(m.Name, Clean(name)));
        if (index < 0) throw new StaffException($"Không có nhân viên tên '{name}'", $"no member named '{name}'");
        members[index] = change(members[index]);
        Save(members);
        return 0;
    });

    private List<StaffMember> Load() =>
        SealedFile.Read(store, FileName) is { } bytes ? JsonSerializer.Deserialize<List<StaffMember>>(bytes, Json) ?? [] : [];

    private void Save(List<StaffMember> members) => SealedFile.Write(store, FileName, JsonSerializer.SerializeToUtf8Bytes(members, Json));

    /// <summary>One writer at a time: a lock in this process, and a lock file for `intake staff` in another.</summary>
    private T Locked<T>(Func<T> work)
    {
        lock (_gate)
        {
            Directory.CreateDirectory(store.DataDirectory);
            using var held = AcquireLockFile(Path.Combine(store.DataDirectory, LockName));
            return work();
        }
    }

    private static FileStream AcquireLockFile(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Clean(string name) => (name ?? string.Empty).Trim().Normalize(NormalizationForm.FormC);

    private static bool Same(string a, string b) => string.Equals(Clean(a), Clean(b), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A refused roster change: Vietnamese, then English after " / ".</summary>
public sealed class StaffException : Exception
{
    public StaffException(string message) : base(message)
    {
    }

    public StaffException(string vietnamese, string english) : base($"{vietnamese} / {english}")
    {
    }

    public StaffException()
    {
    }

    public StaffException(string message, Exception inner) : base(message, inner)
    {
    }
}
