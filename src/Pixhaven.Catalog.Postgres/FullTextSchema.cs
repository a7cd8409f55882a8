using System.Text;

namespace Pixhaven.Catalog.Postgres;

/// <summary>
/// The tsvector index behind free-text search, kept current by triggers so every writer (indexer, edits, labels)
/// updates it without knowing it exists; the PostgreSQL twin of the SQLite FTS5 table. Text is folded to ASCII by
/// unaccent and cut at every ASCII character that is not a letter or digit, so "IMG_1234.jpg" is the words img, 1234
/// and jpg on both databases. (Spelled as ASCII ranges, not [:alnum:], which is ASCII-only under the C locale and
/// would drop every other script.) Versioned: a migration refers to the version it created, never to a later one.
/// </summary>
internal static class FullTextSchema
{
    public const string CreateV1 = """
        CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

        CREATE TABLE photos_fts (
            photo_id bigint PRIMARY KEY REFERENCES photos ("Id") ON DELETE CASCADE,
            document tsvector NOT NULL
        );
        CREATE INDEX photos_fts_document ON photos_fts USING gin (document);

        CREATE FUNCTION pixhaven_fts_refresh(target bigint) RETURNS void LANGUAGE sql AS $$
            INSERT INTO photos_fts (photo_id, document)
            SELECT p."Id", to_tsvector('simple', regexp_replace(public.unaccent(concat_ws(' ',
                    p."Title", p."Description", p."Keywords",
                    (SELECT string_agg(l."Name", ' ') FROM photo_labels pl JOIN labels l ON l."Id" = pl."LabelId"
                        WHERE pl."PhotoId" = p."Id" AND pl."Source" = 0),
                    p."CameraMake", p."CameraModel", p."Lens", p."PlaceLabel",
                    (SELECT string_agg(f."Path", ' ') FROM files f WHERE f."PhotoId" = p."Id" AND NOT f."Missing"))),
                '[^0-9A-Za-z\u0080-\uffff]+', ' ', 'g'))
            FROM photos p WHERE p."Id" = target
            ON CONFLICT (photo_id) DO UPDATE SET document = EXCLUDED.document;
        $$;

        CREATE FUNCTION pixhaven_fts_photo() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pixhaven_fts_refresh(NEW."Id");
            RETURN NULL;
        END $$;

        -- For rows that belong to a photo (files, labels): refresh the photo it left and the one it joined.
        CREATE FUNCTION pixhaven_fts_member() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD."PhotoId" IS NOT NULL THEN
                PERFORM pixhaven_fts_refresh(OLD."PhotoId");
            END IF;
            IF TG_OP <> 'DELETE' AND NEW."PhotoId" IS NOT NULL
                AND (TG_OP = 'INSERT' OR NEW."PhotoId" IS DISTINCT FROM OLD."PhotoId") THEN
                PERFORM pixhaven_fts_refresh(NEW."PhotoId");
            END IF;
            RETURN NULL;
        END $$;

        CREATE TRIGGER photos_fts_write AFTER INSERT OR UPDATE OF "Title", "Description", "Keywords", "CameraMake", "CameraModel", "Lens", "PlaceLabel"
            ON photos FOR EACH ROW EXECUTE FUNCTION pixhaven_fts_photo();
        CREATE TRIGGER files_fts_write AFTER INSERT OR DELETE OR UPDATE OF "Path", "PhotoId", "Missing"
            ON files FOR EACH ROW EXECUTE FUNCTION pixhaven_fts_member();
        CREATE TRIGGER photo_labels_fts_write AFTER INSERT OR DELETE
            ON photo_labels FOR EACH ROW EXECUTE FUNCTION pixhaven_fts_member();

        SELECT pixhaven_fts_refresh("Id") FROM photos;
        """;

    public const string DropV1 = """
        DROP TRIGGER IF EXISTS photos_fts_write ON photos;
        DROP TRIGGER IF EXISTS files_fts_write ON files;
        DROP TRIGGER IF EXISTS photo_labels_fts_write ON photo_labels;
        DROP FUNCTION IF EXISTS pixhaven_fts_photo(); DROP FUNCTION IF EXISTS pixhaven_fts_member();
        DROP FUNCTION IF EXISTS pixhaven_fts_refresh(bigint);
        DROP TABLE IF EXISTS photos_fts;
        """;

    /// <summary>
    /// A tsquery for the words of <paramref name="text"/> in order (a phrase), the last one also matching as a prefix
    /// when asked. Words are cut as the documents are, and no ASCII punctuation reaches the query, so user input can
    /// never be tsquery syntax.
    /// </summary>
    public static string QueryOf(string text, bool prefix)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 0x80 || char.IsAsciiLetterOrDigit((char)rune.Value))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        // A query with no words is the empty tsquery, which matches no document.
        return words.Count == 0 ? "" : string.Join(" <-> ", words) + (prefix ? ":*" : "");
    }
}
