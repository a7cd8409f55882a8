using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Backups;

/// <summary>
/// Backs up what cannot be made again: the catalog (with users, albums, edits and settings), the XMP sidecars and the
/// config file, into one folder, while the server runs. Thumbnails and transcodes are left out: the next index run
/// makes them again from the originals.
/// </summary>
public sealed class LibraryBackup(ICatalogProvider provider, IDbContextFactory<CatalogDbContext> contextFactory, LoadedOptions loaded, TimeProvider clock)
{
    public const string ManifestFile = "manifest.json";
    private const string SidecarFolder = "sidecars";
    private const string ConfigFile = "pixhaven.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The default place: storage/backups/YYYYMMDD-HHMMSS.</summary>
    public string DefaultFolder() =>
        Path.Combine(loaded.Values.StorageFullPath, "backups", clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));

    public async Task<BackupManifest> CreateAsync(string folder, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"{folder} is not empty; a backup goes into a new folder");
        }

        Directory.CreateDirectory(folder);
        await provider.BackupAsync(Path.Combine(folder, provider.BackupFileName), cancellationToken);
        var sidecars = CopyTree(loaded.Values.SidecarPath, Path.Combine(folder, SidecarFolder));
        if (loaded.ConfigFile is { } config && File.Exists(config))
        {
            File.Copy(config, Path.Combine(folder, ConfigFile));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manifest = new BackupManifest(1, provider.Name, clock.GetUtcNow().UtcDateTime,
            await db.Photos.CountAsync(cancellationToken), await db.Files.CountAsync(cancellationToken),
            await db.Albums.CountAsync(cancellationToken), await db.Users.CountAsync(cancellationToken), sidecars);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json), cancellationToken);
        return manifest;
    }

    /// <summary>
    /// Rebuilds a library from a backup on empty storage. Refuses a catalog that already holds photos or users unless
    /// <paramref name="replace"/> is given. Thumbnails are marked as missing, so the next index run makes them.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string folder, bool replace, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"{folder} is not a Pixhaven backup (no {ManifestFile})");
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json)
            ?? throw new BackupException($"{manifestPath} is empty");
        if (manifest.Database != provider.Name)
        {
            throw new BackupException($"the backup is of a {manifest.Database} catalog; this library uses {provider.Name}");
        }

        if (!File.Exists(Path.Combine(folder, provider.BackupFileName)))
        {
            throw new BackupException($"{folder} is not a complete backup: {provider.BackupFileName} is missing");
        }

        await CatalogMigrator.MigrateAsync(provider, () => contextFactory, null, cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!replace && (await db.Photos.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken)))
            {
                throw new BackupException("this library's catalog is not empty; restore into empty storage, or pass --replace to overwrite it");
            }
        }

        await provider.RestoreAsync(Path.Combine(folder, provider.BackupFileName), cancellationToken);
        CopyTree(Path.Combine(folder, SidecarFolder), loaded.Values.SidecarPath);

        // The backup's catalog may be older than this program: bring it up to date, then ask for new thumbnails.
        await CatalogMigrator.MigrateAsync(provider, () => contextFactory, null, cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Files.ExecuteUpdateAsync(f => f.SetProperty(x => x.ThumbnailsAt, (DateTime?)null), cancellationToken);
        }

        return manifest;
    }

    private static int CopyTree(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
            count++;
        }

        return count;
    }
}

/// <summary>What a backup holds, written beside it as manifest.json.</summary>
public sealed record BackupManifest(int Format, string Database, DateTime CreatedAt, int Photos, int Files, int Albums, int Users, int Sidecars);

/// <summary>A backup or restore that cannot be done as asked; the message says why.</summary>
public sealed class BackupException(string message) : Exception(message);
