using System.Data.Common;
using DbUp;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Intake.Central.Storage;

/// <summary>
/// The centre's database: PostgreSQL (a connection string such as <c>Host=…;Database=…</c>) or, by default, an
/// embedded SQLite file. Both run the same SQL (Storage/Migrations, applied by DbUp) and the same queries.
/// </summary>
public sealed class CentralDatabase
{
    private readonly string connectionString;

    private CentralDatabase(string connectionString, bool isPostgres)
    {
        this.connectionString = connectionString;
        IsPostgres = isPostgres;
    }

    public bool IsPostgres { get; }

    /// <summary>
    /// <paramref name="db"/> is a PostgreSQL connection string (it contains <c>=</c>) or the path of a SQLite file.
    /// </summary>
    public static CentralDatabase Open(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (db.Contains('=', StringComparison.Ordinal))
            return new CentralDatabase(db, isPostgres: true);
        var full = Path.GetFullPath(db);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 };
        return new CentralDatabase(builder.ToString(), isPostgres: false);
    }

    public async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!IsPostgres)
        {
            // WAL lets the back office read while an ingest writes; the busy timeout queues writers instead of failing them.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return connection;
    }

    /// <summary>Applies every migration not yet applied; throws with DbUp's error when one fails.</summary>
    public void Migrate()
    {
        var builder = IsPostgres
            ? DeployChanges.To.PostgresqlDatabase(connectionString)
            : DeployChanges.To.SqliteDatabase(connectionString);
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(CentralDatabase).Assembly, name => name.Contains(".Storage.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException("Không nâng cấp được cơ sở dữ liệu / database migration failed: " + result.Error.Message, result.Error);
    }

    /// <summary>True when <paramref name="exception"/> is a unique or primary-key violation in either engine.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };

}
