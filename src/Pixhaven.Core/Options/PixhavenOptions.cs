namespace Pixhaven.Core.Options;

/// <summary>Every deployment setting of Pixhaven, bound once at start from defaults, config file, environment and flags.</summary>
public sealed class PixhavenOptions
{
    public string OriginalsPath { get; set; } = "./originals";
    public string StoragePath { get; set; } = "./storage";
    public string ImportPath { get; set; } = "./import";
    public string DatabaseDriver { get; set; } = "sqlite";

    /// <summary>Where <c>import</c> puts files under originals; see <see cref="Indexing.ImportNames"/>.</summary>
    public string ImportPattern { get; set; } = Indexing.ImportNames.DefaultPattern;

    /// <summary>Provider connection string; empty means the SQLite file <c>index.db</c> in storage.</summary>
    public string DatabaseDsn { get; set; } = "";

    public string HttpHost { get; set; } = "127.0.0.1";
    public int HttpPort { get; set; } = 2342;

    /// <summary>Files indexed at once; 0 means one per CPU core.</summary>
    public int Workers { get; set; }

    public bool IndexOnStart { get; set; } = true;

    /// <summary>IANA time zone assumed for photo times that carry no offset; empty assumes none.</summary>
    public string DefaultTimeZone { get; set; } = "";

    public TimeZoneInfo? DefaultZone => DefaultTimeZone.Length == 0 ? null : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    /// <summary>Videos transcoded for browsers at the same time.</summary>
    public int TranscodeLimit { get; set; } = 1;
    public int ThumbnailQuality { get; set; } = 85;

    /// <summary>Seconds one image may take to decode before it is stopped and skipped with the reason.</summary>
    public int DecodeTimeoutSeconds { get; set; } = Media.Thumbnails.ThumbnailGenerator.DefaultDecodeTimeoutSeconds;

    /// <summary>
    /// darktable-cli (a name on PATH or a full path) to render RAW files that have no large preview, before dcraw_emu;
    /// empty: not used. Optional because it is a large install and slower than dcraw_emu, but it reads more formats.
    /// </summary>
    public string DarktableCli { get; set; } = "";

    /// <summary>Seconds one RAW converter may take for one file before it is stopped and the next one is tried.</summary>
    public int RawConvertTimeoutSeconds { get; set; } = Media.Previews.RawPreviewRenderer.DefaultTimeoutSeconds;

    /// <summary>Minutes between two points of a GPS track across which a photo's position is still interpolated.</summary>
    public int TrackMaxGapMinutes { get; set; } = Places.TrackGeotagger.DefaultMaxGapMinutes;

    /// <summary>Larger images are skipped with a reason instead of decoded: a guard against decompression bombs.</summary>
    public int ImageMaxMegapixels { get; set; } = (int)(Media.Thumbnails.ThumbnailGenerator.DefaultMaxPixels / 1_000_000);
    public string LogLevel { get; set; } = "information";

    /// <summary>Write manual edits to XMP sidecars under storage/sidecars, so they travel with backups and other tools.</summary>
    public bool SidecarWrite { get; set; } = true;

    /// <summary>"password" (sign-in required) or "public" (no sign-in: everyone is an admin).</summary>
    public string AuthMode { get; set; } = "password";

    /// <summary>Creates the first admin on a start with no users; empty prints a one-time setup link instead.</summary>
    public string AdminPassword { get; set; } = "";

    public int SessionMaxAgeHours { get; set; } = 24 * 30;
    public int SessionIdleHours { get; set; } = 24 * 7;

    /// <summary>Proxy addresses or networks (CIDR) whose X-Forwarded-For/-Proto headers are believed.</summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>
    /// Pixhaven may change the originals folder: a permanent delete moves files into <see cref="TrashPath"/>. Off by
    /// default; originals are read-only to the indexer either way.
    /// </summary>
    public bool OriginalsWritable { get; set; }

    /// <summary>
    /// Raster tiles for the web app's map, e.g. <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c>; empty: the bundled
    /// offline outlines only. Its origin is allowed as an image source in the Content-Security-Policy.
    /// </summary>
    public string MapTileUrl { get; set; } = "";

    /// <summary>The web changes nothing: no uploads, imports, edits or account changes from HTTP.</summary>
    public bool ReadOnly { get; set; }

    public bool PublicMode => AuthMode == "public";

    /// <summary>Seconds of quiet after a WebDAV upload before the import folder is imported; 0 never imports by itself.</summary>
    public int ImportAfterUploadSeconds { get; set; } = 10;

    /// <summary>Largest file accepted over WebDAV, in megabytes.</summary>
    public int UploadMaxMegabytes { get; set; } = 4096;

    public string SidecarPath => Path.Combine(StorageFullPath, "sidecars");
    public string TrashPath => Path.Combine(StorageFullPath, "trash");

    public string ImportFullPath => Path.GetFullPath(ImportPath);
    public string OriginalsFullPath => Path.GetFullPath(OriginalsPath);
    public string StorageFullPath => Path.GetFullPath(StoragePath);
    public string CatalogFilePath => Path.Combine(StorageFullPath, "index.db");
    public string ThumbnailCachePath => Path.Combine(StorageFullPath, "cache", "thumbnails");
    public string VideoCachePath => Path.Combine(StorageFullPath, "cache", "video");
    public string TrackCachePath => Path.Combine(StorageFullPath, "cache", "tracks");

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
}
