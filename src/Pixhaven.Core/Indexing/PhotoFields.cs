using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Places;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Copies what a file says into its photo, field group by field group, only where the new source ranks no lower
/// than the one recorded: a re-index never overwrites a user's edit or a better source.
/// </summary>
public static class PhotoFields
{
    /// <summary>Applies what a photo's own (primary) file says: type, size, camera and the ranked fields.</summary>
    public static void Apply(Photo photo, MediaInspection inspection, string relativePath, DateTime fileModifiedUtc)
    {
        var metadata = inspection.Metadata ?? new MediaMetadata();
        photo.Type = inspection.Type.Type;
        if (inspection.Header is { } header)
        {
            photo.Width = header.Width;
            photo.Height = header.Height;
        }

        photo.Animated = inspection.Header?.Animated ?? false;

        // No date anywhere: the time of the last change is the last resort (the file's own record of it, else the file
        // system's), recorded as UTC and marked as estimated (Auto).
        var estimate = DateTime.SpecifyKind(metadata.ChangedAtUtc ?? fileModifiedUtc, DateTimeKind.Unspecified);
        var byName = metadata.TakenAt is null ? FileNameDates.Parse(relativePath)?.Local : null;

        // Import names a file without a date from that same estimate (and keeps its file time): such a name is the
        // estimate, in UTC, not a date someone gave the file, and the photo stays marked as estimated.
        var nameIsTheEstimate = byName == estimate.AddTicks(-(estimate.Ticks % TimeSpan.TicksPerSecond));
        if (byName is { } named && !nameIsTheEstimate && photo.TakenAtSource <= MetadataSource.FileName)
        {
            SetTakenAt(photo, named, null, MetadataSource.FileName);
        }
        else if (metadata.TakenAt is null
                 && (photo.TakenAtSource == MetadataSource.Auto || (nameIsTheEstimate && photo.TakenAtSource == MetadataSource.FileName && photo.TakenAt == byName)))
        {
            SetTakenAt(photo, estimate, TimeSpan.Zero, MetadataSource.Auto);
        }

        ApplyRanked(photo, metadata, MetadataSource.Embedded);
        photo.Duration = metadata.Duration ?? photo.Duration;
        MergeCamera(photo, metadata.Make, metadata.Model, metadata.Lens, metadata.FocalLength, metadata.FNumber, metadata.ExposureTime, metadata.Iso);
    }

    /// <summary>
    /// Gives a photo whose time has no offset the offset of the time zone where it was taken (from its GPS position),
    /// else of the configured default zone, at that local time (daylight saving included), so it sorts with its
    /// neighbours. A time given in UTC only (<paramref name="metadata"/>'s <see cref="MediaMetadata.TakenAtIsUtc"/>: a
    /// video's, Google's export, applied as <paramref name="source"/>) keeps its instant and is shown at the local time
    /// of its position, or of the default zone when it is true UTC; a camera's is its local clock, read in the default
    /// zone. Estimated file times (Auto) are UTC already and stay so.
    /// </summary>
    /// <remarks>Call after <see cref="Locate"/>: the zone is chosen within the photo's country.</remarks>
    public static void AssumeZone(Photo photo, Gazetteer gazetteer, TimeZoneInfo? defaultZone, MediaMetadata? metadata = null, MetadataSource source = MetadataSource.Embedded)
    {
        var isFilesUtcTime = metadata is { TakenAtIsUtc: true } && photo.TakenAtSource == source
                             && photo.TakenAtOffsetMinutes == 0 && photo.TakenAt == metadata.TakenAt;
        if ((photo.TakenAtOffsetMinutes is not null && !isFilesUtcTime) || photo.TakenAtSource == MetadataSource.Auto)
        {
            return;
        }

        // The country comes from Locate, which runs first, so the position is looked up once.
        var zoneOfPosition = photo is { Latitude: { } lat, Longitude: { } lng, CountryCode: { } country } ? gazetteer.TimeZoneAt(country, lat, lng) : null;
        if (isFilesUtcTime)
        {
            // Turned into the default zone only when true UTC (a phone's video). Most cameras write their local clock
            // where the container wants UTC: that time stays, and is read in the default zone. A video with a position
            // knows its place.
            if ((zoneOfPosition ?? (metadata!.TakenAtIsTrueUtc ? defaultZone : null)) is { } videoZone)
            {
                var utcOffset = videoZone.GetUtcOffset(DateTime.SpecifyKind(photo.TakenAtUtc, DateTimeKind.Utc));
                photo.TakenAt = DateTime.SpecifyKind(photo.TakenAtUtc + utcOffset, DateTimeKind.Unspecified);
                photo.TakenAtOffsetMinutes = (int)utcOffset.TotalMinutes;
            }
            else if (defaultZone is not null)
            {
                SetOffset(photo, OffsetAt(defaultZone, photo.TakenAt));
            }

            return;
        }

        if ((zoneOfPosition ?? defaultZone) is not { } zone)
        {
            return;
        }

        SetOffset(photo, OffsetAt(zone, photo.TakenAt));
    }

    /// <summary>
    /// Gives a still placed by a sidecar (a position set in Lightroom or digiKam) the zone of that place, where its offset
    /// may have been assumed (<see cref="OffsetMayBeAssumed"/>); a file's own stays. A video's time from UTC keeps its
    /// instant.
    /// </summary>
    /// <remarks>Call after <see cref="Locate"/> and <see cref="AssumeZone"/>.</remarks>
    public static void ZoneByPlace(Photo photo, Gazetteer gazetteer, TimeZoneInfo? defaultZone)
    {
        if (photo is not { TakenAtOffsetMinutes: not null, Latitude: { } lat, Longitude: { } lng, CountryCode: { } country }
            || photo.Type == MediaType.Video || photo.TakenAtSource is MetadataSource.Auto or MetadataSource.Manual
            || !OffsetMayBeAssumed(photo, defaultZone) || gazetteer.TimeZoneAt(country, lat, lng) is not { } zone)
        {
            return;
        }

        SetOffset(photo, OffsetAt(zone, photo.TakenAt));
    }

    /// <summary>
    /// Whether the photo's offset may have been assumed rather than given by its file: it has none, or the default zone's
    /// at its time. Nothing records where an offset came from, so one other than the default zone's came from the file.
    /// </summary>
    public static bool OffsetMayBeAssumed(Photo photo, TimeZoneInfo? defaultZone) =>
        photo.TakenAtOffsetMinutes is not { } offset || (defaultZone is not null && OffsetAt(defaultZone, photo.TakenAt) == TimeSpan.FromMinutes(offset));

    /// <summary>The UTC offset of a wall-clock time in a zone; a time that a daylight-saving change skips takes the standard offset.</summary>
    public static TimeSpan OffsetAt(TimeZoneInfo zone, DateTime local) => zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);

    /// <summary>Reads the photo's local time at this offset: records the offset and the instant it makes.</summary>
    public static void SetOffset(Photo photo, TimeSpan offset)
    {
        photo.TakenAtOffsetMinutes = (int)offset.TotalMinutes;
        photo.TakenAtUtc = DateTime.SpecifyKind(photo.TakenAt - offset, DateTimeKind.Utc);
    }

    /// <summary>Names the place at the photo's position (offline), or clears it when the photo has no position.</summary>
    public static void Locate(Photo photo, Gazetteer gazetteer)
    {
        var place = photo is { Latitude: { } lat, Longitude: { } lng } ? gazetteer.Lookup(lat, lng) : null;
        (photo.CountryCode, photo.State, photo.City, photo.PlaceLabel) = (place?.CountryCode, place?.State, place?.City, place?.Label);
    }

    /// <summary>
    /// Lets a copy of a photo's content under another name date the photo by that name when it has only an estimated
    /// date: the same picture saved as "IMG-20190512-WA0001.jpg" and as "photo.jpg" is dated whichever was found first.
    /// </summary>
    /// <returns>Whether the date changed (the caller then assumes its zone).</returns>
    public static bool ApplyCopyName(Photo photo, string relativePath)
    {
        if (photo.TakenAtSource != MetadataSource.Auto || FileNameDates.Parse(relativePath) is not { } named)
        {
            return false;
        }

        SetTakenAt(photo, named.Local, null, MetadataSource.FileName);
        return true;
    }

    /// <summary>
    /// Applies a sidecar (XMP, a camera's clip metadata, Google Takeout's JSON): it outranks embedded metadata but never a
    /// manual edit, and names the camera when the file does not.
    /// </summary>
    public static void ApplySidecar(Photo photo, MediaMetadata sidecar, TimeZoneInfo? defaultZone)
    {
        // A UTC instant (Google's export) that the file's own time already shows, up to its zone, keeps the file's local
        // time and tells its zone. One that differs more is a date changed in Google Photos, and replaces it.
        if (sidecar is { TakenAtIsUtc: true, TakenAt: { } instant } && photo.TakenAtSource == MetadataSource.Embedded
            && ZoneShowing(photo, instant, defaultZone) is { } offset)
        {
            SetOffset(photo, offset);
            sidecar = sidecar with { TakenAt = null, TakenAtOffset = null };
        }

        ApplyRanked(photo, sidecar, MetadataSource.Sidecar);
        photo.Favorite |= sidecar.Favorite;
        NameUnknownCamera(photo, sidecar.Make, sidecar.Model, sidecar.Lens, sidecar.FocalLength, sidecar.FNumber, sidecar.ExposureTime, sidecar.Iso);
    }

    /// <summary>
    /// The offset at which the photo's local time is this instant: its own, when the file gave one and the instants
    /// agree to the minute; else the quarter-hour offset (within ±14 hours) the two times differ by, to the minute.
    /// Null when neither.
    /// </summary>
    private static TimeSpan? ZoneShowing(Photo photo, DateTime instant, TimeZoneInfo? defaultZone)
    {
        var tolerance = TimeSpan.FromMinutes(1);
        if (!OffsetMayBeAssumed(photo, defaultZone))
        {
            return (photo.TakenAtUtc - instant).Duration() <= tolerance ? TimeSpan.FromMinutes(photo.TakenAtOffsetMinutes!.Value) : null;
        }

        return MetadataDates.ZoneOffset(photo.TakenAt - instant, tolerance);
    }

    /// <summary>Takes over another photo's values when its file becomes a stack's primary; ranked fields only by rank.</summary>
    public static void CopyFrom(Photo target, Photo source)
    {
        (target.Width, target.Height, target.ThumbnailHash) = (source.Width, source.Height, source.ThumbnailHash ?? target.ThumbnailHash);
        target.Animated = source.Animated;
        target.Color = source.Color ?? target.Color;
        if (source.TakenAtSource >= target.TakenAtSource)
        {
            CopyTime(target, source);
        }

        if (source.Title is not null && source.TitleSource >= target.TitleSource)
        {
            (target.Title, target.TitleSource) = (source.Title, source.TitleSource);
        }

        if (source.Description is not null && source.DescriptionSource >= target.DescriptionSource)
        {
            (target.Description, target.DescriptionSource) = (source.Description, source.DescriptionSource);
        }

        if (source.Keywords is not null && source.KeywordsSource >= target.KeywordsSource)
        {
            (target.Keywords, target.KeywordsSource) = (source.Keywords, source.KeywordsSource);
        }

        if (source.FaceRegions is not null && source.FacesSource >= target.FacesSource && source.FaceRegions != target.FaceRegions)
        {
            (target.FaceRegions, target.FacesSource) = (source.FaceRegions, source.FacesSource);
        }

        if (source.Latitude is not null && source.LocationSource >= target.LocationSource)
        {
            (target.Latitude, target.Longitude, target.Altitude, target.LocationSource) = (source.Latitude, source.Longitude, source.Altitude, source.LocationSource);
        }

        target.Rating = source.Rating ?? target.Rating;
        MergeCamera(target, source.CameraMake, source.CameraModel, source.Lens, source.FocalLength, source.FNumber, source.ExposureTime, source.Iso);
    }

    /// <summary>Takes from another file of a stack what the shown one lacks: a better-ranked time, and the camera.</summary>
    public static void FillFrom(Photo target, Photo source)
    {
        if (source.TakenAtSource > target.TakenAtSource)
        {
            CopyTime(target, source);
        }

        NameUnknownCamera(target, source.CameraMake, source.CameraModel, source.Lens, source.FocalLength, source.FNumber, source.ExposureTime, source.Iso);
    }

    private static void CopyTime(Photo target, Photo source) =>
        (target.TakenAt, target.TakenAtOffsetMinutes, target.TakenAtUtc, target.TakenAtSource) =
        (source.TakenAt, source.TakenAtOffsetMinutes, source.TakenAtUtc, source.TakenAtSource);

    /// <summary>Camera values from another source, for a photo that names no camera; one that does keeps its own.</summary>
    private static void NameUnknownCamera(Photo photo, string? make, string? model, string? lens, double? focalLength, double? fNumber, string? exposureTime, int? iso)
    {
        if (photo.CameraMake is null && photo.CameraModel is null && (make is not null || model is not null))
        {
            MergeCamera(photo, make, model, lens, focalLength, fNumber, exposureTime, iso);
        }
    }

    /// <summary>Camera and exposure values are facts of the capture, not edits: a known value replaces, an unknown one keeps.</summary>
    private static void MergeCamera(Photo photo, string? make, string? model, string? lens, double? focalLength, double? fNumber, string? exposureTime, int? iso)
    {
        if (photo.CameraSource < MetadataSource.Manual)
        {
            photo.CameraMake = make ?? photo.CameraMake;
            photo.CameraModel = model ?? photo.CameraModel;
            photo.Lens = lens ?? photo.Lens;
            photo.CameraSource = photo.CameraMake is null && photo.CameraModel is null ? MetadataSource.Auto : MetadataSource.Embedded;
        }

        photo.FocalLength = focalLength ?? photo.FocalLength;
        photo.FNumber = fNumber ?? photo.FNumber;
        photo.ExposureTime = exposureTime ?? photo.ExposureTime;
        photo.Iso = iso ?? photo.Iso;
    }

    private static void ApplyRanked(Photo photo, MediaMetadata metadata, MetadataSource source)
    {
        if (metadata.TakenAt is { } takenAt && photo.TakenAtSource <= source)
        {
            SetTakenAt(photo, takenAt, metadata.TakenAtOffset, source);
        }

        if (metadata.Title is not null && photo.TitleSource <= source)
        {
            (photo.Title, photo.TitleSource) = (metadata.Title, source);
        }

        if (metadata.Description is not null && photo.DescriptionSource <= source)
        {
            (photo.Description, photo.DescriptionSource) = (metadata.Description, source);
        }

        if (metadata.Keywords.Count > 0 && photo.KeywordsSource <= source)
        {
            (photo.Keywords, photo.KeywordsSource) = (string.Join(", ", metadata.Keywords), source);
        }

        if (metadata.Latitude is not null && photo.LocationSource <= source)
        {
            (photo.Latitude, photo.Longitude, photo.Altitude, photo.LocationSource) = (metadata.Latitude, metadata.Longitude, metadata.Altitude, source);
        }

        if (metadata.Faces.Count > 0 && photo.FacesSource <= source && FaceRegion.Format(WithPeopleWithoutBoxes(metadata.Faces, photo.FaceRegions)) is var faces
            && faces != photo.FaceRegions)
        {
            (photo.FaceRegions, photo.FacesSource) = (faces, source);
        }

        photo.Rating = metadata.Rating ?? photo.Rating;
    }

    /// <summary>
    /// The faces a source marks, with the people the photo has named without a box (Google's) that it does not name; or,
    /// when the source names people only without boxes, the photo's faces with those it adds. Neither replaces the other.
    /// </summary>
    private static List<FaceRegion> WithPeopleWithoutBoxes(IReadOnlyList<FaceRegion> incoming, string? current)
    {
        var onlyNames = incoming.All(f => f.IsWholePicture);
        IReadOnlyList<FaceRegion> first = onlyNames ? FaceRegion.Parse(current) : incoming;
        var second = onlyNames ? incoming : FaceRegion.Parse(current).Where(f => f.IsWholePicture).ToList();
        var named = first.Select(f => f.Name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. first, .. second.Where(f => f.Name is { } name && named.Add(name)).Take(FaceRegion.MaxPerPhoto - first.Count)];
    }

    private static void SetTakenAt(Photo photo, DateTime local, TimeSpan? offset, MetadataSource source)
    {
        photo.TakenAt = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        photo.TakenAtOffsetMinutes = offset is { } o ? (int)o.TotalMinutes : null;
        photo.TakenAtUtc = DateTime.SpecifyKind(offset is { } off ? local - off : local, DateTimeKind.Utc);
        photo.TakenAtSource = source;
    }
}
