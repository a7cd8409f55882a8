using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pixhaven.Core.Media;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Catalog;

/// <summary>What a cleanup removed (or, dry, would remove), by cache, and how many bytes that is.</summary>
public sealed record CleanupResult(int Thumbnails, int Videos, int MotionVideos, int Scratch, long Bytes, bool DryRun)
{
    public int Files => Thumbnails + Videos + MotionVideos + Scratch;
}

/// <summary>
/// Removes from storage what the catalog no longer refers to: thumbnails of content gone from the library or shown
/// another way since (a RAW rendered by a converter installed later), video transcodes and motion-photo videos of
/// content gone, and scratch files a crash left behind. Never touches originals, and never a file made in the last
/// hour, which an index run may still be about to record.
/// </summary>
public sealed class CacheCleanup(IDbContextFactory<CatalogDbContext> contextFactory, PixhavenOptions options, TimeProvider clock, ILogger<CacheCleanup> logger)
{
    /// <summary>How long a new cache file is left alone: an index run makes thumbnails before it writes their rows.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    /// <summary>Every level of a cache, never following a link out of it.</summary>
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };

    public async Task<CleanupResult> RunAsync(bool dryRun, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - Grace;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Missing files keep theirs: a disk that is not mounted today may be back tomorrow. Keys are kept as numbers,
        // which takes a library of a million photos tens of megabytes instead of hundreds.
        var thumbnailKeys = new HashSet<UInt128>();
        await AddAsync(thumbnailKeys, db.Photos.Select(p => p.ThumbnailHash), cancellationToken);
        await AddAsync(thumbnailKeys, db.Files.Select(f => f.ThumbnailKey), cancellationToken);
        var hashes = new HashSet<UInt128>();
        await AddAsync(hashes, db.Files.Select(f => f.Hash), cancellationToken);

        long bytes = 0;
        int Sweep(string folder, string what, Func<string, bool> isOrphan)
        {
            progress?.Report(what);
            var removed = 0;
            foreach (var file in Enumerate(folder))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var info = new FileInfo(file);
                if (info.LastWriteTimeUtc >= before || !isOrphan(info.Name))
                {
                    continue;
                }

                bytes += info.Length;
                removed++;
                if (!dryRun)
                {
                    Remove(info);
                }
            }

            return removed;
        }

        var thumbnails = Sweep(options.ThumbnailCachePath, "thumbnails", name => KeyOf(name, '_') is not { } key || !thumbnailKeys.Contains(key));
        var videos = Sweep(options.VideoCachePath, "video transcodes", name => KeyOf(name, '.') is not { } hash || !hashes.Contains(hash));
        var motion = Sweep(Path.Combine(options.StorageFullPath, "cache", "motion"), "motion photo videos", name => KeyOf(name, '.') is not { } hash || !hashes.Contains(hash));
        var scratchRoot = Path.Combine(options.StorageFullPath, "cache", "tmp");
        // Taken before the files go: removing a file makes its folder look new.
        var oldFolders = OldFolders(scratchRoot, before);
        var scratch = Sweep(scratchRoot, "scratch files", _ => true);
        if (!dryRun)
        {
            RemoveEmpty(oldFolders);
        }

        var result = new CleanupResult(thumbnails, videos, motion, scratch, bytes, dryRun);
        logger.LogInformation("Cleanup{Dry}: {Thumbnails} thumbnails, {Videos} transcodes, {Motion} motion videos, {Scratch} scratch files, {Bytes} bytes",
            dryRun ? " (dry run)" : "", thumbnails, videos, motion, scratch, bytes);
        return result;
    }

    /// <summary>Folders in the scratch folder older than the grace, deepest first: what a converter's crashed run left.</summary>
    private static List<string> OldFolders(string root, DateTime before) =>
        Directory.Exists(root)
            ? Directory.EnumerateDirectories(root, "*", Recursive)
                .Where(folder => Directory.GetLastWriteTimeUtc(folder) < before)
                .OrderByDescending(folder => folder.Length)
                .ToList()
            : [];

    private void RemoveEmpty(List<string> folders)
    {
        foreach (var folder in folders)
        {
            try
            {
                if (!Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Cleanup could not remove the folder {Path}: {Reason}", folder, e.Message);
            }
        }
    }

    private static IEnumerable<string> Enumerate(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", Recursive)
            : [];

    private static async Task AddAsync(HashSet<UInt128> keys, IQueryable<string?> query, CancellationToken cancellationToken)
    {
        await foreach (var key in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (Number(key) is { } number)
            {
                keys.Add(number);
            }
        }
    }

    private static UInt128? Number(string? key) =>
        key is not null && ContentHasher.IsValidHash(key) ? UInt128.Parse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) : null;

    /// <summary>The key or hash a cache file is named by ("{key}_fit_720.jpg", "{hash}.mp4"), or null for any other name.</summary>
    private static UInt128? KeyOf(string name, char separator)
    {
        var end = name.IndexOf(separator, StringComparison.Ordinal);
        return end > 0 ? Number(name[..end]) : null;
    }

    private void Remove(FileInfo file)
    {
        var cache = Path.Combine(options.StorageFullPath, "cache") + Path.DirectorySeparatorChar;
        if (!file.FullName.StartsWith(cache, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{file.FullName} is not in the storage cache");
        }

        try
        {
#pragma warning disable RS0030 // A cache file Pixhaven made, inside storage/cache (checked above); never an original.
            File.Delete(file.FullName);
#pragma warning restore RS0030
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cleanup could not remove {Path}: {Reason}", file.FullName, e.Message);
        }
    }
}
