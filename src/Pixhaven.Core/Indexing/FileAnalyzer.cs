using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Media.Video;
using Pixhaven.Core.Model;
using Pixhaven.Core.Places;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Runs the per-file stages in order (type, hash, then only when needed metadata and thumbnails) and returns an
/// outcome; never throws for bad content, and opens originals only for reading.
/// </summary>
public sealed class FileAnalyzer(
    MediaInspector inspector,
    ThumbnailGenerator thumbnails,
    ThumbnailStore store,
    HeifDecoder heifDecoder,
    VideoFrameExtractor videoFrames,
    RawPreviewRenderer rawPreviews,
    MotionPhotoExtractor motionPhotos,
    TemporaryFiles temporaryFiles,
    TrackCache trackCache)
{
    /// <summary>The RAW converters of this machine, in the order they are tried.</summary>
    public IReadOnlyList<string> RawConverters => rawPreviews.Converters;

    public async Task<FileAnalysis> AnalyzeAsync(ScannedFile file, CatalogFileState? existing, IndexPlan plan, bool force, CancellationToken cancellationToken)
    {
        var analysis = new FileAnalysis(AnalysisKind.Skipped, file) { ExistingFileId = existing?.Id };
        if (file.NameProblem is { } unopenable)
        {
            return analysis with { Problem = unopenable };
        }

        if (file.Size == 0)
        {
            return analysis with { Problem = "empty file (0 bytes)" };
        }

        DetectedType type;
        string hash;
        var newConverter = existing?.WaitsForAConverter(RawConverters) == true;
        try
        {
            type = MediaInspector.DetectType(file.FullPath);
            // A file read again only because the readers or converters changed keeps its hash: its size and time say the
            // content did not change, as they do for every unchanged file, and hashing a whole library again costs hours.
            hash = !force && existing is { Hash: { } known } && (existing.Stale || newConverter) && existing.SameStat(file.Size, file.ModifiedUtc)
                ? known
                : await ContentHasher.HashFileAsync(file.FullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return analysis with { Kind = AnalysisKind.Failed, Problem = $"cannot read file: {e.Message}" };
        }

        analysis = analysis with { Hash = hash };
        if (SkipReason(type, file.RelativePath, videoFrames.IsAvailable) is { } reason)
        {
            return analysis with { Inspection = new MediaInspection(file.FullPath, type, null, null, null), Problem = reason };
        }

        var keptKey = force || newConverter ? null : KeptThumbnails(hash, type.Type, existing);
        if (keptKey is not null && existing is not null && existing.Hash == hash && existing.StagesComplete)
        {
            return analysis with { Kind = AnalysisKind.ContentUnchanged, ThumbnailKey = keptKey };
        }

        if (!force && (existing is null || existing.OrphanedCopy))
        {
            if (existing is null && plan.ClaimVanished(hash) is { } moved)
            {
                return analysis with { Kind = AnalysisKind.Moved, TargetId = moved.Id };
            }

            if (type.Type != MediaType.Sidecar && plan.PhotoWithContent(hash) is { } shown && store.HasAll(shown.ThumbnailKey))
            {
                return analysis with { Kind = AnalysisKind.Duplicate, TargetId = shown.PhotoId, ThumbnailKey = shown.ThumbnailKey };
            }
        }

        var inspection = await inspector.InspectAsync(file.FullPath, type, cancellationToken);
        analysis = analysis with { Inspection = inspection };
        if (type.Type == MediaType.Video && inspection.Header is null)
        {
            return analysis with { Kind = AnalysisKind.Failed, Problem = inspection.Error ?? "video cannot be read" };
        }

        if (type.Type == MediaType.Sidecar)
        {
            if (inspection.Metadata?.TrackSegments is { } segments)
            {
                trackCache.Save(hash, segments); // read by the run's track step (TrackGeotagger) instead of the file
            }

            var warning = inspection.Metadata is { Warnings.Count: > 0 } m ? m.Warnings[0] : null;
            return analysis with { Kind = AnalysisKind.Indexed, Problem = warning };
        }

        string? damage = null;
        var thumbnailKey = keptKey ?? ThumbnailKeys.Content(hash);
        try
        {
            // A RAW tried again for a new converter may have thumbnails of its small preview: they are made again.
            if (keptKey is null)
            {
                (damage, thumbnailKey) = type.Type switch
                {
                    MediaType.Video => (await MakeVideoThumbnailsAsync(file.FullPath, thumbnailKey, inspection.Metadata?.Duration, inspection.Metadata?.VideoTransfer, cancellationToken), thumbnailKey),
                    MediaType.Raw => await MakeRawThumbnailsAsync(file.FullPath, type, hash, inspection.Metadata?.Orientation, cancellationToken),
                    _ => (await MakeThumbnailsAsync(file.FullPath, thumbnailKey, type.IgnoresExifOrientation, cancellationToken), thumbnailKey),
                };
            }
        }
        catch (Exception e) when (type.Type == MediaType.Raw && e is ThumbnailException or InvalidDataException or TimeoutException)
        {
            // A RAW keeps its metadata and stays downloadable even when nothing can be shown of it.
            return analysis with { Kind = AnalysisKind.Indexed, Problem = e.Message, RawConverters = string.Join(',', RawConverters) };
        }
        catch (Exception e) when (e is ThumbnailException or InvalidDataException or TimeoutException)
        {
            return analysis with { Kind = AnalysisKind.Failed, Problem = e.Message };
        }

        var embeddedVideo = false;
        if (type.Format is "jpeg" or "heif"
            && MotionPhotoExtractor.FindVideo(file.FullPath, inspection.Metadata?.MotionVideoOffsetFromEnd, inspection.Metadata?.MotionPhoto ?? false) is { } video)
        {
            await motionPhotos.ExtractAsync(file.FullPath, video, hash, cancellationToken);
            embeddedVideo = true;
        }

        return analysis with
        {
            Kind = AnalysisKind.Indexed,
            ThumbnailKey = thumbnailKey,
            Color = MainColor.Of(store.PathFor(thumbnailKey, ThumbnailSize.Fit720)),
            EmbeddedVideo = embeddedVideo,
            Problem = damage ?? inspection.Error,
            RawConverters = type.Type == MediaType.Raw ? string.Join(',', RawConverters) : null,
        };
    }

    /// <summary>
    /// Thumbnails made earlier for this content, the current way, that a file read again (or a copy of content the
    /// library had before) may keep instead of decoding its original again. A RAW keeps only its own: a converter
    /// installed since may render it better than the thumbnails of another copy.
    /// </summary>
    private string? KeptThumbnails(string hash, MediaType type, CatalogFileState? existing)
    {
        if (existing is { ThumbnailKey: { } key } && existing.Hash == hash && ThumbnailKeys.IsCurrent(hash, key) && store.HasAll(key))
        {
            return key;
        }

        var content = ThumbnailKeys.Content(hash);
        return type != MediaType.Raw && store.HasAll(content) ? content : null;
    }

    private async Task<string?> MakeThumbnailsAsync(string path, string key, bool alreadyOriented, CancellationToken cancellationToken)
    {
        try
        {
            return thumbnails.Generate(path, key, alreadyOriented);
        }
        catch (ThumbnailException e) when (e.MissingDecoder && heifDecoder.IsAvailable)
        {
            var decoded = await heifDecoder.ToJpegAsync(path, cancellationToken);
            try
            {
                return thumbnails.Generate(decoded, key, alreadyOriented: true);
            }
            finally
            {
                temporaryFiles.Delete(decoded);
            }
        }
        catch (ThumbnailException e) when (e.MissingDecoder)
        {
            throw new ThumbnailException("HEVC-coded HEIF needs heif-convert (Debian package libheif-examples), which is not installed", e);
        }
    }

    /// <summary>A RAW's thumbnails, under a key of their own (and of its darktable edit) unless made from its large embedded preview.</summary>
    private async Task<(string? Damage, string Key)> MakeRawThumbnailsAsync(string path, DetectedType type, string hash, int? orientation, CancellationToken cancellationToken)
    {
        var preview = await rawPreviews.RenderAsync(path, type, cancellationToken);
        try
        {
            var edit = DarktableConverter.EditPath(path);
            var key = preview.Source switch
            {
                RawPreviewRenderer.LargePreview => ThumbnailKeys.Content(hash),
                // darktable applied the user's edit: another edit gives other pixels, so other keys.
                DarktableConverter.ToolName when File.Exists(edit) => ThumbnailKeys.Rendering(hash, $"{preview.Source}:{await ContentHasher.HashFileAsync(edit, cancellationToken)}"),
                _ => ThumbnailKeys.Rendering(hash, preview.Source),
            };
            var damage = thumbnails.Generate(preview.Path, key, alreadyOriented: preview.Upright, orientation: preview.Upright ? null : orientation ?? 1);
            return (damage ?? preview.Shortfall, key);
        }
        finally
        {
            temporaryFiles.Delete(preview.Path);
        }
    }

    private async Task<string?> MakeVideoThumbnailsAsync(string path, string key, double? duration, string? transfer, CancellationToken cancellationToken)
    {
        var frame = await videoFrames.ExtractAsync(path, duration, transfer, cancellationToken);
        try
        {
            return thumbnails.Generate(frame, key, alreadyOriented: true);
        }
        finally
        {
            temporaryFiles.Delete(frame);
        }
    }

    /// <summary>Why a detected type is not indexed as a photo (yet), or null when it is.</summary>
    public static string? SkipReason(DetectedType type, string path, bool videoToolsFound = true) => type.Type switch
    {
        MediaType.Image => null,
        MediaType.Video when videoToolsFound => null,
        MediaType.Video => $"video ({type.Format}) needs ffmpeg and ffprobe (Debian package ffmpeg), which are not installed",
        MediaType.Unknown => MediaInspector.UnsupportedReason(path),
        MediaType.Sidecar => null,
        MediaType.Raw => null,
        _ => "unsupported content",
    };
}
