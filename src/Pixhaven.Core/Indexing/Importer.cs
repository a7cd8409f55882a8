using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;
using Pixhaven.Core.Places;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Brings files from the import folder into originals, renamed by date, stacks kept together, content already in
/// the library skipped, then indexes. It never loses a file: each is copied to a hidden temporary name beside its
/// destination, flushed to disk and verified by hash, then renamed into place (atomic, never over an existing
/// file); only after that does a move delete the source. A kill at any moment leaves every file either still in
/// import or complete in originals; leftover hidden temporaries are ignored by the scanner and cleaned up next time.
/// </summary>
public sealed class Importer(
    PixhavenOptions options,
    LibraryScanner scanner,
    MediaInspector inspector,
    IDbContextFactory<CatalogDbContext> contextFactory,
    Indexer indexer,
    Organizing.AlbumService albumService,
    ILogger<Importer> logger)
{
    public const string TemporarySuffix = ".pixhaven-import";

    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var importRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.ImportPath));
        var originalsRoot = options.OriginalsFullPath;
        Directory.CreateDirectory(importRoot);
        Directory.CreateDirectory(originalsRoot);
        VerifiedCopy.SweepTemporaries(originalsRoot, TemporarySuffix);

        // Each file is inspected once: pairing a renamed Live Photo reads what naming its stack reads again.
        var inspections = new Dictionary<string, MediaInspection>(StringComparer.Ordinal);
        async Task<MediaInspection> InspectAsync(ScannedFile file)
        {
            if (!inspections.TryGetValue(file.FullPath, out var inspection))
            {
                inspections[file.FullPath] = inspection = await inspector.InspectAsync(file.FullPath, cancellationToken);
            }

            return inspection;
        }

        var scanned = TakeoutCutNames.Join(scanner.Scan(importRoot, [], cancellationToken));
        var read = 0;
        var files = await LivePhotoPairs.JoinAsync(scanned, async file =>
        {
            progress?.Report(new IndexProgress("pairing", scanned.Count, read++, file.RelativePath, 0, 0, 0));
            return (await InspectAsync(file)).Metadata?.ContentIdentifier;
        });
        var known = await KnownHashesAsync(cancellationToken);
        var problems = new List<IndexProblem>();
        var moves = new List<(string, string)>();
        var alreadyInLibrary = new List<(string, string)>();
        // Copies of a file earlier in this import: in the library once that file is placed, which is known at the end.
        var firstInImport = new Dictionary<string, string>(StringComparer.Ordinal);
        var copiesInImport = new List<(string File, string Hash)>();
        var tracks = new List<(ScannedFile File, string Hash)>();
        var albums = new TakeoutAlbums(contextFactory, albumService);
        var done = 0;

        // Copies one file into originals under the first free of these names, and deletes the source on a move.
        async Task TakeAsync(ScannedFile file, string hash, MediaType type, string baseName, IReadOnlyList<string> suffixes)
        {
            try
            {
                var target = await PlaceAsync(file, hash, originalsRoot, baseName, suffixes, cancellationToken);
                if (!request.Copy)
                {
                    DeleteImported(file.FullPath, importRoot);
                }

                moves.Add((file.RelativePath, target));
                known[hash] = (target, type);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                logger.LogWarning("Import of {Path} failed: {Reason}", file.RelativePath, e.Message);
                problems.Add(new IndexProblem(file.RelativePath, FileStatus.Failed, e.Message));
            }
        }

        foreach (var stack in files.GroupBy(f => StackKey.For(f).Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = new List<(ScannedFile File, string Hash, MediaType Type)>();
            string? joinTo = null;
            foreach (var file in stack)
            {
                progress?.Report(new IndexProgress("importing", files.Count, done++, file.RelativePath, moves.Count, alreadyInLibrary.Count, problems.Count));
                if (file.NameProblem is { } unopenable)
                {
                    problems.Add(new IndexProblem(file.RelativePath, FileStatus.Skipped, $"{unopenable}; left in the import folder"));
                    continue;
                }

                if (file.Size == 0)
                {
                    // Never opened: a named pipe or a device also says 0 bytes, and reading one would wait forever.
                    problems.Add(new IndexProblem(file.RelativePath, FileStatus.Skipped, "empty file (0 bytes); left in the import folder"));
                    continue;
                }

                try
                {
                    var hash = await ContentHasher.HashFileAsync(file.FullPath, cancellationToken);
                    albums.Note(file, hash);
                    if (known.TryGetValue(hash, out var inLibrary))
                    {
                        alreadyInLibrary.Add((file.RelativePath, inLibrary.Path));
                        joinTo ??= inLibrary.Type is MediaType.Image or MediaType.Raw or MediaType.Video ? inLibrary.Path : null;
                        continue;
                    }

                    if (!firstInImport.TryAdd(hash, file.RelativePath))
                    {
                        copiesInImport.Add((file.RelativePath, hash));
                        continue;
                    }

                    var detected = MediaInspector.DetectType(file.FullPath);
                    if (detected.Format == TrackGeotagger.GpxFormat)
                    {
                        tracks.Add((file, hash)); // a GPS track is no photo's: it comes in on its own
                        continue;
                    }

                    members.Add((file, hash, detected.Type));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new IndexProblem(file.RelativePath, FileStatus.Failed, $"cannot read file: {e.Message}"));
                }
            }

            var media = members.Where(m => m.Type is MediaType.Image or MediaType.Raw or MediaType.Video).ToList();
            if (media.Count == 0 && (joinTo is null || members.Count == 0))
            {
                // Only sidecars, unknown or empty files: not photos, so they stay in import for the user to see.
                problems.AddRange(members.Select(m => new IndexProblem(m.File.RelativePath, FileStatus.Skipped,
                    albums.TitleOf(m.File) is { } album ? $"Google Takeout album \"{album}\": its photos are put in that album; left in the import folder"
                    : m.Type == MediaType.Sidecar ? "sidecar without a photo to go with" : "not a photo or video; left in the import folder")));
                continue;
            }

            var baseName = joinTo is not null ? BesideInLibrary(joinTo) : await NewBaseNameAsync(media, members, InspectAsync);
            // From a member whose own name gives the stack: a JSON whose name Takeout cut joins by where its name starts.
            var stem = StackKey.Stem(Path.GetFileName((stack.FirstOrDefault(f => f.JoinsStack is null) ?? stack.First()).RelativePath)).Stem;
            foreach (var member in members.Where(m => m.Type is not MediaType.Unknown))
            {
                var suffix = ImportNames.MemberSuffix(Path.GetFileName(member.File.RelativePath), stem, member.File.JoinsStack is not null);
                var suffixes = member.Type == MediaType.Sidecar && joinTo is not null
                    ? ImportNames.SidecarSuffixes(suffix, media.OrderBy(m => m.Type != MediaType.Raw).Select(m => ImportNames.MemberSuffix(Path.GetFileName(m.File.RelativePath), stem)).Append(Path.GetExtension(joinTo)))
                    : [suffix];
                await TakeAsync(member.File, member.Hash, member.Type, baseName, suffixes);
            }

            problems.AddRange(members.Where(m => m.Type is MediaType.Unknown)
                .Select(m => new IndexProblem(m.File.RelativePath, FileStatus.Skipped, "not a photo or video; left in the import folder")));
        }

        // Named by the track's first point, so that it lies with the photos it places.
        foreach (var (file, hash) in tracks)
        {
            await TakeAsync(file, hash, MediaType.Sidecar, ImportNames.Base(options.ImportPattern, TrackStart(file), hash), [Path.GetExtension(file.RelativePath)]);
        }

        foreach (var (file, hash) in copiesInImport)
        {
            if (known.TryGetValue(hash, out var placed))
            {
                alreadyInLibrary.Add((file, placed.Path));
            }
            else
            {
                problems.Add(new IndexProblem(file, FileStatus.Skipped, $"same content as {firstInImport[hash]}, which was not imported either; left in the import folder"));
            }
        }

        var index = moves.Count > 0 ? await indexer.IndexAsync(new IndexRequest(), progress, cancellationToken) : null;
        return new ImportResult
        {
            Albums = await albums.ApplyAsync(cancellationToken),
            Found = files.Count,
            Imported = moves.Count,
            AlreadyInLibrary = alreadyInLibrary,
            Failed = problems.Count(p => p.Status == FileStatus.Failed),
            Problems = problems,
            Moves = moves,
            Index = index,
        };
    }

    /// <summary>
    /// The name a new stack gets under originals, from the date its photo will have: a sidecar's (an editor set it,
    /// say to correct the camera's clock), which outranks the file's own as it does in the catalog, else that of the
    /// file it will show, else of the first other file with one (a video's .THM), else a UTC time, else the file name's
    /// date, else the time of the last change (the file's own record, else its file time); and the hash of the file it
    /// shows.
    /// </summary>
    private async Task<string> NewBaseNameAsync(
        List<(ScannedFile File, string Hash, MediaType Type)> media, List<(ScannedFile File, string Hash, MediaType Type)> members, Func<ScannedFile, Task<MediaInspection>> inspect)
    {
        var ranked = media.OrderBy(m => StackBuilder.Rank(m.Type, m.File.RelativePath, StackKey.Stem(Path.GetFileName(m.File.RelativePath)).Edited))
            .ThenBy(m => m.File.RelativePath, PathOrder.Instance).ToList();
        DateTime? takenAt = null, utcOnly = null, changedAt = null;
        foreach (var member in members.Where(m => m.Type == MediaType.Sidecar).OrderBy(m => m.File.RelativePath, StringComparer.Ordinal).Concat(ranked))
        {
            // A UTC instant without its local time (Google Takeout's) names the file only when nothing has a local time.
            var metadata = (await inspect(member.File)).Metadata;
            takenAt ??= metadata is { TakenAtIsUtc: true } && member.Type == MediaType.Sidecar ? null : metadata?.TakenAt;
            utcOnly ??= metadata is { TakenAtIsUtc: true } ? metadata.TakenAt : null;
            changedAt ??= metadata?.ChangedAtUtc;
        }

        var primary = ranked[0].File;
        takenAt ??= utcOnly ?? FileNameDates.Parse(primary.RelativePath)?.Local ?? changedAt ?? primary.ModifiedUtc;
        return ImportNames.Base(options.ImportPattern, takenAt.Value, ranked[0].Hash);
    }

    /// <summary>When a track begins; its file's time when it has no timed point, or cannot be read now (copying it says why).</summary>
    private static DateTime TrackStart(ScannedFile file)
    {
        try
        {
            using var stream = ContentHasher.OpenRead(file.FullPath);
            return GpsTrack.Read(stream).Segments.Select(points => points[0].Utc).DefaultIfEmpty(file.ModifiedUtc).Min();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return file.ModifiedUtc;
        }
    }

    /// <summary>
    /// A stack of which one file is in the library already (the card's JPEG, imported or exported before): the rest
    /// goes beside that file, under its base name, so that it joins the photo instead of making a second one.
    /// </summary>
    private static string BesideInLibrary(string libraryPath)
    {
        var folder = Path.GetDirectoryName(libraryPath)?.Replace('\\', '/');
        var stem = StackKey.Stem(Path.GetFileName(libraryPath)).Stem;
        return string.IsNullOrEmpty(folder) ? stem : folder + "/" + stem;
    }

    /// <summary>
    /// Copies, flushes, verifies and renames one file into originals; returns its path relative to originals. The base
    /// name is tried with each suffix in turn (names that keep the file in its stack), then with a number added.
    /// </summary>
    private static async Task<string> PlaceAsync(ScannedFile source, string hash, string originalsRoot, string baseName, IReadOnlyList<string> suffixes, CancellationToken cancellationToken)
    {
        var names = suffixes.Select(suffix => baseName + suffix).Concat(Enumerable.Range(1, 999).Select(n => $"{baseName}_{n}{suffixes[0]}"));
        foreach (var relative in names)
        {
            var target = Path.GetFullPath(Path.Combine(originalsRoot, relative));
            if (!target.StartsWith(originalsRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"import target '{relative}' is outside originals");
            }

            // A name collision never overwrites: TryCopyAsync says so, and the next name is tried.
            if (await VerifiedCopy.TryCopyAsync(source.FullPath, target, hash, source.ModifiedUtc, TemporarySuffix, cancellationToken))
            {
                return Path.GetRelativePath(originalsRoot, target).Replace('\\', '/');
            }
        }

        throw new IOException($"no free name for {baseName}{suffixes[0]}");
    }

    /// <summary>The content hashes of the library's present files, each with one path that has it (the one its photo shows, when one does).</summary>
    private async Task<Dictionary<string, (string Path, MediaType Type)>> KnownHashesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var files = await db.Files.Where(f => f.Hash != null && !f.Missing).OrderByDescending(f => f.Primary)
            .Select(f => new { f.Hash, f.Path, f.Type }).ToListAsync(cancellationToken);
        var known = new Dictionary<string, (string Path, MediaType Type)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            known.TryAdd(file.Hash!, (file.Path, file.Type));
        }

        return known;
    }

#pragma warning disable RS0030 // The importer's one sanctioned delete: sources already verified in originals.
    private static void DeleteImported(string source, string importRoot)
    {
        if (!Path.GetFullPath(source).StartsWith(importRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to delete '{source}': not in the import folder");
        }

        File.Delete(source);
    }
#pragma warning restore RS0030
}
