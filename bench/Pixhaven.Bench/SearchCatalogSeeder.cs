using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Pixhaven.Bench;

/// <summary>
/// Fills a real Pixhaven catalog (schema made by the app's own migrations) with synthetic photos whose distributions
/// look like a family library: 20 years of dates, 50 cameras with a few dominant ones, 30% with GPS around 40 cities,
/// a long tail of labels, favorites, albums. Deterministic (seeded), written with raw SQL for speed; the full-text
/// index is rebuilt once at the end instead of row by row through its triggers.
/// </summary>
internal static class SearchCatalogSeeder
{
    private static readonly string[] Makes = ["Apple", "Canon", "Sony", "Nikon", "Samsung", "Fujifilm", "Google", "Olympus", "Panasonic", "Leica"];

    private static readonly (double Lat, double Lng, string Country, string Name, string State, string City, int Offset)[] Cities =
    [
        (52.52, 13.40, "DE", "Germany", "State of Berlin", "Berlin", 60), (48.14, 11.58, "DE", "Germany", "Bavaria", "Munich", 60),
        (53.55, 9.99, "DE", "Germany", "Hamburg", "Hamburg", 60), (48.86, 2.35, "FR", "France", "Île-de-France", "Paris", 60),
        (43.30, 5.37, "FR", "France", "Provence-Alpes-Côte d'Azur", "Marseille", 60), (41.90, 12.50, "IT", "Italy", "Lazio", "Rome", 60),
        (45.46, 9.19, "IT", "Italy", "Lombardy", "Milan", 60), (40.42, -3.70, "ES", "Spain", "Madrid", "Madrid", 60),
        (41.39, 2.17, "ES", "Spain", "Catalonia", "Barcelona", 60), (51.51, -0.13, "GB", "United Kingdom", "England", "London", 0),
        (55.95, -3.19, "GB", "United Kingdom", "Scotland", "Edinburgh", 0), (52.37, 4.90, "NL", "Netherlands", "North Holland", "Amsterdam", 60),
        (50.08, 14.44, "CZ", "Czechia", "Prague", "Prague", 60), (48.21, 16.37, "AT", "Austria", "Vienna", "Vienna", 60),
        (47.37, 8.54, "CH", "Switzerland", "Zurich", "Zurich", 60), (59.33, 18.07, "SE", "Sweden", "Stockholm", "Stockholm", 60),
        (60.17, 24.94, "FI", "Finland", "Uusimaa", "Helsinki", 120), (38.72, -9.14, "PT", "Portugal", "Lisbon", "Lisbon", 0),
        (37.98, 23.73, "GR", "Greece", "Attica", "Athens", 120), (41.01, 28.98, "TR", "Türkiye", "Istanbul", "Istanbul", 180),
        (40.71, -74.01, "US", "United States of America", "New York", "New York City", -300), (37.77, -122.42, "US", "United States of America", "California", "San Francisco", -480),
        (34.05, -118.24, "US", "United States of America", "California", "Los Angeles", -480), (41.88, -87.63, "US", "United States of America", "Illinois", "Chicago", -360),
        (25.76, -80.19, "US", "United States of America", "Florida", "Miami", -300), (36.17, -115.14, "US", "United States of America", "Nevada", "Las Vegas", -480),
        (43.65, -79.38, "CA", "Canada", "Ontario", "Toronto", -300), (49.28, -123.12, "CA", "Canada", "British Columbia", "Vancouver", -480),
        (19.43, -99.13, "MX", "Mexico", "Mexico City", "Mexico City", -360), (-22.91, -43.17, "BR", "Brazil", "Rio de Janeiro", "Rio de Janeiro", -180),
        (-34.60, -58.38, "AR", "Argentina", "Buenos Aires F.D.", "Buenos Aires", -180), (35.68, 139.69, "JP", "Japan", "Tokyo", "Tokyo", 540),
        (34.69, 135.50, "JP", "Japan", "Osaka", "Osaka", 540), (37.57, 126.98, "KR", "South Korea", "Seoul", "Seoul", 540),
        (13.76, 100.50, "TH", "Thailand", "Bangkok", "Bangkok", 420), (1.35, 103.82, "SG", "Singapore", "", "Singapore", 480),
        (-33.87, 151.21, "AU", "Australia", "New South Wales", "Sydney", 600), (-36.85, 174.76, "NZ", "New Zealand", "Auckland", "Auckland", 720),
        (-33.92, 18.42, "ZA", "South Africa", "Western Cape", "Cape Town", 120), (30.04, 31.24, "EG", "Egypt", "Cairo", "Cairo", 120),
    ];

    private static readonly string[] Words =
    [
        "cat", "dog", "beach", "mountain", "sunset", "birthday", "wedding", "snow", "forest", "lake", "city", "car", "food", "cake",
        "flower", "garden", "bird", "horse", "boat", "sea", "river", "bridge", "church", "castle", "museum", "concert", "party",
        "baby", "children", "family", "friends", "portrait", "selfie", "landscape", "night", "fireworks", "christmas", "easter",
        "hiking", "skiing", "swimming", "football", "bicycle", "train", "airplane", "street", "market", "coffee", "wine", "pizza",
        "desert", "island", "waterfall", "rainbow", "autumn", "spring", "summer", "winter", "zoo", "playground",
    ];

    private static readonly string[] Colors = ["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "grey", "white"];

    public static async Task SeedAsync(string catalog, int count)
    {
        var random = new Random(42);
        await using var connection = new SqliteConnection($"Data Source={catalog}");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;");

        var triggers = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add(reader.GetString(1));
                await Execute(connection, $"DROP TRIGGER \"{reader.GetString(0)}\"");
            }
        }

        var labels = Enumerable.Range(0, 300).Select(i => i < Words.Length ? Words[i] : $"{Words[i % Words.Length]} {i / Words.Length}").ToArray();
        await using (var transaction = connection.BeginTransaction())
        {
            for (var i = 0; i < labels.Length; i++)
            {
                await Execute(connection, "INSERT INTO labels (Id, Slug, Name) VALUES ($id, $name, $name)", transaction, ("$id", i + 1), ("$name", labels[i]));
            }

            await transaction.CommitAsync();
        }

        var start = new DateTime(2006, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        const int batch = 20_000;
        for (var first = 1; first <= count; first += batch)
        {
            await using var transaction = connection.BeginTransaction();
            await using var photo = Prepare(connection, transaction, """
                INSERT INTO photos (Id, Uid, Type, TakenAt, TakenAtOffsetMinutes, TakenAtUtc, TakenAtSource, Title, TitleSource, Description,
                    DescriptionSource, Keywords, KeywordsSource, CameraMake, CameraModel, CameraSource, FocalLength, FNumber, Iso, Latitude, Longitude,
                    LocationSource, CountryCode, State, City, PlaceLabel, Width, Height, ThumbnailHash, Missing, Color, Favorite, Private, ArchivedAt,
                    CreatedAt, UpdatedAt)
                VALUES ($id, $uid, $type, $takenAt, $offset, $takenAtUtc, 20, $title, 20, NULL, 0, $keywords, 20, $make, $model, 20, $focal, $f, $iso,
                    $lat, $lng, 20, $country, $state, $city, $place, $width, $height, $hash, 0, $color, $favorite, $private, $archived, $created, $created)
                """);
            await using var file = Prepare(connection, transaction, """
                INSERT INTO files (Id, PhotoId, Path, Size, ModifiedAt, Hash, Type, Format, Mime, Width, Height, Edited, EmbeddedVideo, "Primary",
                    Duplicate, Missing, Status, MetadataAt, ThumbnailsAt, IndexedAt)
                VALUES ($id, $id, $path, $size, $created, $hash, $type, 'jpeg', 'image/jpeg', $width, $height, 0, 0, 1, 0, 0, 0, $created, $created, $created)
                """);
            await using var label = Prepare(connection, transaction, "INSERT OR IGNORE INTO photo_labels (PhotoId, LabelId, Source) VALUES ($photo, $label, 20)");

            for (var id = first; id < first + batch && id <= count; id++)
            {
                var taken = start.AddSeconds(random.NextDouble() * 20 * 365.25 * 86400);
                var geo = random.NextDouble() < 0.3 ? Cities[(int)(Cities.Length * Math.Pow(random.NextDouble(), 1.5))] : default;
                int? offset = geo.Country is null ? null : geo.Offset;
                var camera = (int)(50 * Math.Pow(random.NextDouble(), 2.5));
                var labelCount = random.Next(0, 4);
                var photoLabels = Enumerable.Range(0, labelCount).Select(_ => (int)(labels.Length * Math.Pow(random.NextDouble(), 3))).Distinct().ToList();
                var portrait = random.NextDouble() < 0.35;
                var hash = Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())).ToLowerInvariant() + ((long)id).ToString("x16", CultureInfo.InvariantCulture);
                var created = taken.AddDays(random.Next(0, 30));
                var type = random.NextDouble() < 0.05 ? 3 : random.NextDouble() < 0.05 ? 2 : 1;

                Bind(photo, ("$id", id), ("$uid", "p" + id.ToString("x15", CultureInfo.InvariantCulture)), ("$type", type), ("$takenAt", Time(taken)),
                    ("$offset", offset), ("$takenAtUtc", Time(taken.AddMinutes(-(offset ?? 0)))),
                    ("$title", random.NextDouble() < 0.1 ? $"{Capital(Words[random.Next(Words.Length)])} at the {Words[random.Next(Words.Length)]}" : null),
                    ("$keywords", photoLabels.Count == 0 ? null : string.Join(", ", photoLabels.Select(l => labels[l]))),
                    ("$make", Makes[camera / 5]), ("$model", $"{Makes[camera / 5]} Model {camera % 5 + 1}"),
                    ("$focal", Math.Round(4 + random.NextDouble() * 196)), ("$f", new[] { 1.4, 1.8, 2.8, 4.0, 5.6, 8.0, 11.0 }[random.Next(7)]),
                    ("$iso", new[] { 50, 100, 200, 400, 800, 1600, 3200 }[random.Next(7)]),
                    ("$lat", geo.Country is null ? null : geo.Lat + (random.NextDouble() - 0.5) * 0.2),
                    ("$lng", geo.Country is null ? null : geo.Lng + (random.NextDouble() - 0.5) * 0.2),
                    ("$country", geo.Country), ("$state", geo.State), ("$city", geo.City),
                    ("$place", geo.Country is null ? null : string.Join(", ", new[] { geo.City, geo.State, geo.Name }.Where(s => s.Length > 0).Distinct())),
                    ("$width", portrait ? 3024 : 4032), ("$height", portrait ? 4032 : 3024), ("$hash", hash), ("$color", Colors[random.Next(Colors.Length)]),
                    ("$favorite", random.NextDouble() < 0.05 ? 1 : 0), ("$private", random.NextDouble() < 0.01 ? 1 : 0),
                    ("$archived", random.NextDouble() < 0.01 ? Time(created) : null), ("$created", Time(created)));
                await photo.ExecuteNonQueryAsync();

                Bind(file, ("$id", id), ("$path", $"{taken:yyyy}/{taken:MM}/IMG_{id:D7}.jpg"), ("$size", random.Next(1_000_000, 8_000_000)),
                    ("$created", Time(created)), ("$hash", hash), ("$type", type), ("$width", portrait ? 3024 : 4032), ("$height", portrait ? 4032 : 3024));
                await file.ExecuteNonQueryAsync();

                foreach (var l in photoLabels)
                {
                    Bind(label, ("$photo", id), ("$label", l + 1));
                    await label.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
            Console.Write($"\r  seeded {Math.Min(first + batch - 1, count)}/{count} photos");
        }

        Console.WriteLine();
        await using (var transaction = connection.BeginTransaction())
        {
            await using var album = Prepare(connection, transaction, "INSERT INTO albums (Id, Uid, Title, CreatedAt, UpdatedAt) VALUES ($id, $uid, $title, $now, $now)");
            await using var member = Prepare(connection, transaction, "INSERT OR IGNORE INTO album_photos (AlbumId, PhotoId, Position, AddedAt) VALUES ($album, $photo, $position, $now)");
            for (var a = 1; a <= 500; a++)
            {
                Bind(album, ("$id", a), ("$uid", "a" + a.ToString("x15", CultureInfo.InvariantCulture)), ("$title", $"{Capital(Words[a % Words.Length])} {2006 + a % 20}"), ("$now", Time(start)));
                await album.ExecuteNonQueryAsync();
                var size = random.Next(20, 400);
                var firstPhoto = random.Next(1, count - size);
                for (var p = 0; p < size; p++)
                {
                    Bind(member, ("$album", a), ("$photo", firstPhoto + p * random.Next(1, 3)), ("$position", p + 1), ("$now", Time(start)));
                    await member.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }

        Console.WriteLine("  building the full-text index");
        await Execute(connection, "DELETE FROM photos_fts; INSERT INTO photos_fts(rowid, title, description, keywords, camera, place, files) SELECT Id, title, description, keywords, camera, place, files FROM photos_fts_source;");
        foreach (var trigger in triggers)
        {
            await Execute(connection, trigger);
        }

        await Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, values);
        await command.ExecuteNonQueryAsync();
    }
}
