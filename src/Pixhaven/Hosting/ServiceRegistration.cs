using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pixhaven.Catalog.Postgres;
using Pixhaven.Catalog.Sqlite;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Backups;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Jobs;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Media.Video;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Options;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Places;
using Pixhaven.Core.Scanning;
using Pixhaven.Core.Search;
using Pixhaven.Core.Sharing;

namespace Pixhaven.Hosting;

/// <summary>The composition root shared by the CLI verbs and the web server: both get the same Core services.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddPixhaven(this IServiceCollection services, LoadedOptions loaded)
    {
        var options = loaded.Values;
        var provider = CreateProvider(options);

        services.AddSingleton(loaded);
        services.AddSingleton(options);
        services.AddSingleton<RuntimeSettings>();
        services.AddSingleton<ICatalogProvider>(provider);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<CatalogDbContext>(builder =>
        {
            provider.Configure(builder);
            // Unordered limits are only used to count "more than N" matches, where order cannot change the answer.
            builder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        });

        services.AddSingleton<Gazetteer>();
        services.AddSingleton<LibraryScanner>();
        services.AddSingleton<EmbeddedMetadataReader>();
        services.AddSingleton<MediaInspector>();
        services.AddSingleton(new ThumbnailStore(options.ThumbnailCachePath));
        services.AddSingleton(sp => new ThumbnailGenerator(sp.GetRequiredService<ThumbnailStore>(), options.ThumbnailQuality, options.ImageMaxMegapixels * 1_000_000L,
            TimeSpan.FromSeconds(options.DecodeTimeoutSeconds)));
        services.AddSingleton(new TemporaryFiles(Path.Combine(options.StorageFullPath, "cache", "tmp")));
        services.AddSingleton<HeifDecoder>();
        services.AddSingleton<FfprobeReader>();
        services.AddSingleton<VideoFrameExtractor>();
        services.AddSingleton(sp =>
        {
            var converters = RawConverter.Configured(options.DarktableCli, sp.GetRequiredService<TemporaryFiles>());
            if (converters.FirstOrDefault(c => c.Name == "darktable-cli" && c.Program is null) is not null)
            {
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<RawPreviewRenderer>()
                    .LogWarning("darktable-cli is configured as '{Program}' but not found; RAW files are rendered without it", options.DarktableCli);
            }

            return new RawPreviewRenderer(sp.GetRequiredService<TemporaryFiles>(), converters, TimeSpan.FromSeconds(options.RawConvertTimeoutSeconds));
        });
        services.AddSingleton(new MotionPhotoExtractor(Path.Combine(options.StorageFullPath, "cache", "motion")));
        services.AddSingleton(new TrackCache(options.TrackCachePath));
        services.AddSingleton(sp => new VideoTranscoder(options.VideoCachePath, sp.GetRequiredService<TemporaryFiles>(), sp.GetRequiredService<FfprobeReader>(), options.TranscodeLimit));
        services.AddSingleton<ConverterInventory>();
        services.AddSingleton<FileAnalyzer>();
        services.AddSingleton<PhotoOrienter>();
        services.AddSingleton<StackBuilder>();
        services.AddSingleton<TrackGeotagger>();
        services.AddSingleton<Importer>();
        services.AddSingleton<Indexer>(sp =>
        {
            VipsRuntime.Configure(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Pixhaven.Core.Media.Vips"));
            return ActivatorUtilities.CreateInstance<Indexer>(sp);
        });
        services.AddSingleton<IndexJob>();
        services.AddSingleton<ImportAfterUpload>();
        services.AddSingleton<PartialUploads>();
        services.AddSingleton<ResultCache>();
        services.AddSingleton<PhotoSearch>();
        services.AddSingleton<LibraryBrowser>();
        services.AddSingleton<OverviewWarmer>();
        services.AddSingleton<SidecarWriter>();
        services.AddSingleton<Trash>();
        services.AddSingleton<PhotoEditor>();
        services.AddSingleton<AlbumService>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<FirstAdmin>();
        services.AddSingleton<PreviewTokens>();
        services.AddSingleton<DownloadTokens>();
        services.AddSingleton<LibraryBackup>();
        services.AddSingleton<CacheCleanup>();
        services.AddSingleton<ShareService>();
        return services;
    }

    private static ICatalogProvider CreateProvider(PixhavenOptions options) => options.DatabaseDriver switch
    {
        "sqlite" => string.IsNullOrEmpty(options.DatabaseDsn)
            ? SqliteCatalogProvider.ForFile(options.CatalogFilePath)
            : new SqliteCatalogProvider(options.DatabaseDsn),
        "postgres" when string.IsNullOrEmpty(options.DatabaseDsn) =>
            throw new OptionsException("database-dsn: the postgres driver needs a connection string, e.g. Host=db;Database=pixhaven;Username=pixhaven;Password=..."),
        "postgres" => PostgresProvider(options.DatabaseDsn),
        var other => throw new OptionsException($"database-driver: '{other}' is not supported"),
    };

    private static PostgresCatalogProvider PostgresProvider(string connectionString)
    {
        try
        {
            return new PostgresCatalogProvider(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new OptionsException($"database-dsn: {e.Message}");
        }
    }
}
