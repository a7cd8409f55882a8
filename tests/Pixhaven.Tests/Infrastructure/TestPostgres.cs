using Npgsql;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>
/// Throw-away databases on the real PostgreSQL server that <c>scripts/test.sh</c> starts (or the one named by
/// PIXHAVEN_TEST_POSTGRES). Each library gets its own database, made by the first migration and dropped after.
/// </summary>
public static class TestPostgres
{
    public static string Server =>
        Environment.GetEnvironmentVariable("PIXHAVEN_TEST_POSTGRES") is { Length: > 0 } server ? server : "Host=127.0.0.1;Username=pixhaven_test;Password=pixhaven_test";

    /// <summary>A connection string for a database that does not exist yet.</summary>
    public static string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(Server) { Database = "pixhaven_test_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;

    /// <summary>The options that put a test library's catalog in a new database.</summary>
    public static Dictionary<string, string> Options() => new()
    {
        ["database-driver"] = "postgres",
        ["database-dsn"] = NewDatabase(),
    };

    public static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // FORCE may not end an autovacuum worker that is busy with the new database (it runs as no role the
                // test user may signal); it finishes within moments.
                await Task.Delay(250);
            }
        }
    }
}
