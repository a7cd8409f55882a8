namespace Pixhaven.Catalog.Postgres;

/// <summary>
/// A counter of committed changes to the library's content (photos, files, albums, labels, people), moved by triggers
/// whoever writes. Cached overviews last until it moves; a sign-in, a session's last-seen time, a user, a setting, a
/// share link, or a write to another database of the same server leave it. The triggers are deferred to the commit and
/// move the counter once per transaction: its one row is locked only while a transaction commits, so writers never
/// queue behind each other for it mid-transaction, nor deadlock over it. Versioned: a migration refers to the version
/// it created, never to a later one.
/// </summary>
internal static class LibraryChangesSchema
{
    private static readonly string[] TablesV1 = ["photos", "files", "albums", "album_photos", "labels", "photo_labels", "people", "faces"];

    public static readonly string CreateV1 = """
        CREATE TABLE library_changes (
            id integer PRIMARY KEY CHECK (id = 1),
            stamp bigint NOT NULL
        );
        INSERT INTO library_changes (id, stamp) VALUES (1, 0);

        -- A setting local to the transaction marks it counted, so the later rows of a large write cost no more reads.
        CREATE FUNCTION pixhaven_library_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('pixhaven.library_changed', true) IS DISTINCT FROM 'yes' THEN
                UPDATE library_changes SET stamp = stamp + 1;
                PERFORM set_config('pixhaven.library_changed', 'yes', true);
            END IF;
            RETURN NULL;
        END $$;

        """
        + string.Concat(TablesV1.Select(table =>
            $"CREATE CONSTRAINT TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pixhaven_library_changed();\n"));

    public static readonly string DropV1 =
        string.Concat(TablesV1.Select(table => $"DROP TRIGGER {table}_changed ON {table};\n"))
        + "DROP FUNCTION pixhaven_library_changed();\nDROP TABLE library_changes;\n";

    /// <summary>The counter as it is now; it starts at 0 in a new catalog.</summary>
    public const string Read = "SELECT stamp FROM library_changes";
}
