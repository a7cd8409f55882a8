using System.Globalization;

namespace Pixhaven.Core.Options;

/// <summary>The table of every option; <c>pixhaven config</c>, the flags and the docs are generated from it.</summary>
public static class OptionDefinitions
{
    public static IReadOnlyList<OptionDefinition> All { get; } =
    [
        new("originals-path", "--originals", "Folder of original photos and videos; read-only to the indexer",
            o => o.OriginalsPath, (o, v) => o.OriginalsPath = RequireText(v)),
        new("storage-path", "--storage", "Folder for the catalog, thumbnail cache and other generated files",
            o => o.StoragePath, (o, v) => o.StoragePath = RequireText(v)),
        new("import-path", "--import", "Inbox folder whose files are moved into originals by 'import'",
            o => o.ImportPath, (o, v) => o.ImportPath = RequireText(v)),
        new("import-pattern", "--import-pattern", "Path and name of imported files under originals: date formats in braces and {hash8}",
            o => o.ImportPattern, (o, v) => o.ImportPattern = ValidPattern(v)),
        new("database-driver", "--database-driver", "Catalog database: sqlite (a file in the storage folder) or postgres",
            o => o.DatabaseDriver, (o, v) => o.DatabaseDriver = OneOf(v, "sqlite", "postgres")),
        new("database-dsn", "--database-dsn", "Database connection string; empty uses index.db in the storage folder (sqlite); required for postgres, e.g. Host=db;Database=pixhaven;Username=pixhaven;Password=...",
            o => WithoutPassword(o.DatabaseDsn), (o, v) => o.DatabaseDsn = v),
        new("http-host", "--host", "Address the web server listens on",
            o => o.HttpHost, (o, v) => o.HttpHost = RequireText(v)),
        new("http-port", "--port", "Port the web server listens on; 0 picks a free one",
            o => o.HttpPort.ToString(CultureInfo.InvariantCulture), (o, v) => o.HttpPort = Int(v, 0, 65535)),
        new("workers", "--workers", "Files indexed in parallel; 0 uses every CPU core",
            o => o.Workers.ToString(CultureInfo.InvariantCulture), (o, v) => o.Workers = Int(v, 0, 256)),
        new("index-on-start", "--index-on-start", "Index the originals folder in the background when the server starts",
            o => o.IndexOnStart ? "true" : "false", (o, v) => o.IndexOnStart = Bool(v)),
        new("default-time-zone", "--default-time-zone", "IANA time zone (e.g. Europe/Berlin) assumed for photo times with neither an offset nor a GPS position (and the zone a phone's video without a position is shown in); empty: none",
            o => o.DefaultTimeZone, (o, v) => o.DefaultTimeZone = TimeZone(v)),
        new("transcode-limit", "--transcode-limit", "Videos transcoded for browsers at the same time (1-16)",
            o => o.TranscodeLimit.ToString(CultureInfo.InvariantCulture), (o, v) => o.TranscodeLimit = Int(v, 1, 16)),
        new("thumbnail-quality", "--thumbnail-quality", "JPEG quality of thumbnails (1-100)",
            o => o.ThumbnailQuality.ToString(CultureInfo.InvariantCulture), (o, v) => o.ThumbnailQuality = Int(v, 1, 100)),
        new("image-max-megapixels", "--image-max-megapixels", "Images with more pixels are skipped with a reason instead of decoded (a guard against decompression bombs)",
            o => o.ImageMaxMegapixels.ToString(CultureInfo.InvariantCulture), (o, v) => o.ImageMaxMegapixels = Int(v, 1, 100_000)),
        new("decode-timeout", "--decode-timeout", "Seconds one image may take to decode before it is stopped and skipped with the reason",
            o => o.DecodeTimeoutSeconds.ToString(CultureInfo.InvariantCulture), (o, v) => o.DecodeTimeoutSeconds = Int(v, 1, 3600)),
        new("darktable-cli", "--darktable-cli", "darktable-cli program (a name on PATH or a full path) that renders RAW files without a large embedded preview, tried before dcraw_emu; empty: not used",
            o => o.DarktableCli, (o, v) => o.DarktableCli = v.Trim()),
        new("raw-convert-timeout", "--raw-convert-timeout", "Seconds a RAW converter may take for one file before it is stopped and the next converter is tried",
            o => o.RawConvertTimeoutSeconds.ToString(CultureInfo.InvariantCulture), (o, v) => o.RawConvertTimeoutSeconds = Int(v, 1, 3600)),
        new("track-max-gap", "--track-max-gap", "Minutes between two points of a GPS track (GPX) across which a photo's position is still interpolated; a photo in a longer pause of the logger is not placed",
            o => o.TrackMaxGapMinutes.ToString(CultureInfo.InvariantCulture), (o, v) => o.TrackMaxGapMinutes = Int(v, 1, 1440)),
        new("sidecar-write", "--sidecar-write", "Write edits to XMP sidecars in storage/sidecars (originals are never written)",
            o => o.SidecarWrite ? "true" : "false", (o, v) => o.SidecarWrite = Bool(v)),
        new("auth-mode", "--auth-mode", "Sign-in: password (default) or public (no sign-in; anyone reaching the server can change everything)",
            o => o.AuthMode, (o, v) => o.AuthMode = OneOf(v, "password", "public")),
        new("admin-password", "--admin-password", "Password of the 'admin' user created on the first start with no users (at least 8 characters); empty prints a one-time setup link",
            o => o.AdminPassword.Length == 0 ? "" : "********", (o, v) => o.AdminPassword = v.Length is 0 or >= 8 ? v : throw new OptionsException("must be at least 8 characters")),
        new("session-max-age", "--session-max-age", "Hours a browser session lasts at most",
            o => o.SessionMaxAgeHours.ToString(CultureInfo.InvariantCulture), (o, v) => o.SessionMaxAgeHours = Int(v, 1, 24 * 366)),
        new("session-idle", "--session-idle", "Hours without a request after which a browser session ends",
            o => o.SessionIdleHours.ToString(CultureInfo.InvariantCulture), (o, v) => o.SessionIdleHours = Int(v, 1, 24 * 366)),
        new("trusted-proxies", "--trusted-proxies", "Comma-separated proxy addresses or CIDR networks whose X-Forwarded-For and X-Forwarded-Proto are believed",
            o => o.TrustedProxies, (o, v) => o.TrustedProxies = Networks(v)),
        new("originals-writable", "--originals-writable", "Let Pixhaven change the originals folder: deleted photos move their files to the trash in storage (never unlinked), and WebDAV /originals takes uploads",
            o => o.OriginalsWritable ? "true" : "false", (o, v) => o.OriginalsWritable = Bool(v)),
        new("map-tile-url", "--map-tile-url", "Tile server for the map, with {z}, {x} and {y} (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png); empty: offline outlines only",
            o => o.MapTileUrl, (o, v) => o.MapTileUrl = TileUrl(v)),
        new("read-only", "--read-only", "Refuse every change from the web: uploads, imports, edits, albums and accounts",
            o => o.ReadOnly ? "true" : "false", (o, v) => o.ReadOnly = Bool(v)),
        new("import-after-upload", "--import-after-upload", "Seconds of quiet after files arrive over WebDAV before the import folder is imported; 0: never by itself",
            o => o.ImportAfterUploadSeconds.ToString(CultureInfo.InvariantCulture), (o, v) => o.ImportAfterUploadSeconds = Int(v, 0, 86_400)),
        new("upload-max-mb", "--upload-max-mb", "Largest file accepted over WebDAV, in megabytes",
            o => o.UploadMaxMegabytes.ToString(CultureInfo.InvariantCulture), (o, v) => o.UploadMaxMegabytes = Int(v, 1, 1_000_000)),
        new("log-level", "--log-level", "Least severe log level shown: trace, debug, information, warning, error; at information, the CLI verbs, which print their own summary, log only what went wrong",
            o => o.LogLevel, (o, v) => o.LogLevel = OneOf(v, "trace", "debug", "information", "warning", "error")),
    ];

    public static OptionDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string ValidPattern(string value)
    {
        try
        {
            Indexing.ImportNames.Base(RequireText(value), new DateTime(2001, 2, 3, 4, 5, 6), new string('a', 32));
            return value;
        }
        catch (FormatException e)
        {
            throw new OptionsException(e.Message);
        }
    }

    private static string TimeZone(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(value).Id;
        }
        catch (TimeZoneNotFoundException)
        {
            throw new OptionsException($"'{value}' is not a known time zone (use an IANA name such as Europe/Berlin)");
        }
    }

    private static string Networks(string value)
    {
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!System.Net.IPNetwork.TryParse(part.Contains('/', StringComparison.Ordinal) ? part : part + (part.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out _))
            {
                throw new OptionsException($"'{part}' is not an IP address or CIDR network");
            }
        }

        return value;
    }

    private static string RequireText(string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new OptionsException("must not be empty") : value;

    /// <summary>A connection string fit to print: its password replaced by stars.</summary>
    private static string WithoutPassword(string dsn)
    {
        try
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = dsn };
            foreach (var key in new[] { "password", "pwd" }.Where(builder.ContainsKey))
            {
                builder[key] = "********";
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return dsn.Length == 0 ? "" : "(not a valid connection string)";
        }
    }

    private static string OneOf(string value, params string[] allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
        ?? throw new OptionsException($"'{value}' is not one of: {string.Join(", ", allowed)}");

    private static int Int(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new OptionsException($"'{value}' is not a whole number from {min} to {max}");

    /// <summary>An http(s) URL template with all three tile coordinates; the browser fetches it, so nothing else is allowed.</summary>
    private static string TileUrl(string value)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            return value;
        }

        return Uri.TryCreate(value.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
               && uri.Scheme is "https" or "http" && value.Contains("{z}", StringComparison.Ordinal) && value.Contains("{x}", StringComparison.Ordinal)
               && value.Contains("{y}", StringComparison.Ordinal) && value.IndexOfAny(['\'', '"', ' ', ';', ',']) < 0
            ? value
            : throw new OptionsException($"'{value}' is not an http(s) tile URL with {{z}}, {{x}} and {{y}}");
    }

    private static bool Bool(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new OptionsException($"'{value}' is not true or false"),
    };
}
