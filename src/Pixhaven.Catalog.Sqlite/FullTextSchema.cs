namespace Pixhaven.Catalog.Sqlite;

/// <summary>
/// The FTS5 index behind free-text search, kept current by triggers so every writer (indexer, edits, labels) updates
/// it without knowing it exists. Versioned: a migration refers to the version it created, never to a later one.
/// </summary>
internal static class FullTextSchema
{
    private static string Refresh(string id) => $"""
        DELETE FROM photos_fts WHERE rowid = {id};
        INSERT INTO photos_fts(rowid, title, description, keywords, camera, place, files)
            SELECT Id, title, description, keywords, camera, place, files FROM photos_fts_source WHERE Id = {id};
        """;

    public static readonly string CreateV1 = $"""
        CREATE VIRTUAL TABLE photos_fts USING fts5(title, description, keywords, camera, place, files, tokenize = 'unicode61 remove_diacritics 2');

        CREATE VIEW photos_fts_source AS
        SELECT p.Id AS Id, p.Title AS title, p.Description AS description,
               trim(coalesce(p.Keywords, '') || ' ' || coalesce((SELECT group_concat(l.Name, ' ') FROM photo_labels pl
                    JOIN labels l ON l.Id = pl.LabelId WHERE pl.PhotoId = p.Id AND pl.Source = 0), '')) AS keywords,
               trim(coalesce(p.CameraMake, '') || ' ' || coalesce(p.CameraModel, '') || ' ' || coalesce(p.Lens, '')) AS camera,
               p.PlaceLabel AS place,
               (SELECT group_concat(f.Path, ' ') FROM files f WHERE f.PhotoId = p.Id AND f.Missing = 0) AS files
        FROM photos p;

        CREATE TRIGGER photos_fts_insert AFTER INSERT ON photos BEGIN {Refresh("new.Id")} END;
        CREATE TRIGGER photos_fts_update AFTER UPDATE OF Title, Description, Keywords, CameraMake, CameraModel, Lens, PlaceLabel ON photos
            BEGIN {Refresh("new.Id")} END;
        CREATE TRIGGER photos_fts_delete AFTER DELETE ON photos BEGIN DELETE FROM photos_fts WHERE rowid = old.Id; END;
        CREATE TRIGGER files_fts_insert AFTER INSERT ON files BEGIN {Refresh("new.PhotoId")} END;
        CREATE TRIGGER files_fts_update AFTER UPDATE OF Path, PhotoId, Missing ON files
            BEGIN {Refresh("old.PhotoId")} {Refresh("new.PhotoId")} END;
        CREATE TRIGGER files_fts_delete AFTER DELETE ON files BEGIN {Refresh("old.PhotoId")} END;
        CREATE TRIGGER photo_labels_fts_insert AFTER INSERT ON photo_labels BEGIN {Refresh("new.PhotoId")} END;
        CREATE TRIGGER photo_labels_fts_delete AFTER DELETE ON photo_labels BEGIN {Refresh("old.PhotoId")} END;

        INSERT INTO photos_fts(rowid, title, description, keywords, camera, place, files)
            SELECT Id, title, description, keywords, camera, place, files FROM photos_fts_source;
        """;

    public const string DropV1 = """
        DROP TRIGGER IF EXISTS photos_fts_insert; DROP TRIGGER IF EXISTS photos_fts_update; DROP TRIGGER IF EXISTS photos_fts_delete;
        DROP TRIGGER IF EXISTS files_fts_insert; DROP TRIGGER IF EXISTS files_fts_update; DROP TRIGGER IF EXISTS files_fts_delete;
        DROP TRIGGER IF EXISTS photo_labels_fts_insert; DROP TRIGGER IF EXISTS photo_labels_fts_delete;
        DROP VIEW IF EXISTS photos_fts_source; DROP TABLE IF EXISTS photos_fts;
        """;
}
