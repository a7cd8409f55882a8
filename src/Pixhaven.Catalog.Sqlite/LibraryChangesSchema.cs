namespace Pixhaven.Catalog.Sqlite;

/// <summary>
/// A counter of changes to the library's content (photos, files, albums, labels, people), moved by triggers in the
/// same transaction as each change, whoever writes it. Cached overviews last until it moves; a sign-in, a session's
/// last-seen time, a user, a setting or a share link leave it, so they no longer empty the cache. Versioned: a
/// migration refers to the version it created, never to a later one.
/// </summary>
internal static class LibraryChangesSchema
{
    private static readonly string[] TablesV1 = ["photos", "files", "albums", "album_photos", "labels", "photo_labels", "people", "faces"];

    public static readonly string CreateV1 =
        "CREATE TABLE library_changes (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Stamp INTEGER NOT NULL);\n"
        + "INSERT INTO library_changes (Id, Stamp) VALUES (1, 0);\n"
        + string.Concat(TablesV1.SelectMany(table => new[] { "INSERT", "UPDATE", "DELETE" }.Select(operation =>
            $"CREATE TRIGGER {table}_changed_{operation.ToLowerInvariant()} AFTER {operation} ON {table} BEGIN UPDATE library_changes SET Stamp = Stamp + 1; END;\n")));

    public static readonly string DropV1 =
        string.Concat(TablesV1.SelectMany(table => new[] { "insert", "update", "delete" }.Select(operation => $"DROP TRIGGER {table}_changed_{operation};\n")))
        + "DROP TABLE library_changes;\n";

    /// <summary>The counter as it is now; it starts at 0 in a new catalog.</summary>
    public const string Read = "SELECT Stamp FROM library_changes";
}
