using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Copies what a file says into its photo, field group by field group, only where the new source ranks no lower
/// than the one recorded: a re-index never overwrites a user's edit or a better source.
/// </summary>
public static class PhotoFields
{
    public static void Apply(Photo photo, MediaInspection inspection, DateTime fileModifiedUtc, MetadataSource source)
    {
        var metadata = inspection.Metadata ?? new MediaMetadata();
        photo.Type = inspection.Type.Type;
        if (inspection.Header is { } header)
        {
            photo.Width = header.Width;
            photo.Height = header.Height;
        }

        if (metadata.TakenAt is { } takenAt && photo.TakenAtSource <= source)
        {
            SetTakenAt(photo, takenAt, metadata.TakenAtOffset, source);
        }
        else if (photo.TakenAtSource == MetadataSource.Auto)
        {
            // No date in the file: the modification time is the best guess, recorded as UTC.
            SetTakenAt(photo, DateTime.SpecifyKind(fileModifiedUtc, DateTimeKind.Unspecified), TimeSpan.Zero, MetadataSource.Auto);
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

        photo.Duration = metadata.Duration ?? photo.Duration;
        photo.CameraMake = metadata.Make ?? photo.CameraMake;
        photo.CameraModel = metadata.Model ?? photo.CameraModel;
        photo.Lens = metadata.Lens ?? photo.Lens;
        photo.FocalLength = metadata.FocalLength ?? photo.FocalLength;
        photo.FNumber = metadata.FNumber ?? photo.FNumber;
        photo.ExposureTime = metadata.ExposureTime ?? photo.ExposureTime;
        photo.Iso = metadata.Iso ?? photo.Iso;
    }

    private static void SetTakenAt(Photo photo, DateTime local, TimeSpan? offset, MetadataSource source)
    {
        photo.TakenAt = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        photo.TakenAtOffsetMinutes = offset is { } o ? (int)o.TotalMinutes : null;
        photo.TakenAtUtc = DateTime.SpecifyKind(offset is { } off ? local - off : local, DateTimeKind.Utc);
        photo.TakenAtSource = source;
    }
}
