using MetadataExtractor.Formats.Xmp;
using Pixhaven.Core.Media.Detection;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Reads the files that describe a photo from beside it: XMP (UTF-8 or UTF-16), a camera's or camcorder's clip metadata,
/// a drone's flight record, Google Takeout's JSON; Apple's edit files and GPS tracks are recognised and give no values
/// here. Never throws for bad content: what cannot be read becomes a warning.
/// </summary>
public static class SidecarReader
{
    public static MediaMetadata Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var start = new byte[Math.Min(stream.Length, SubtitleTelemetry.ReadLength)];
            stream.ReadExactly(start);
            var header = start.AsSpan(0, Math.Min(start.Length, MediaTypeDetector.HeaderLength));
            if (SubtitleTelemetry.Describes(header))
            {
                return SubtitleTelemetry.Read(start); // a long flight's record runs to tens of megabytes; its start is enough
            }

            if (GpsTrack.Describes(header))
            {
                // Not one photo's: the indexer places photos by every track at the end of a run. Read here for its warning,
                // and its points are handed on so that the run's track step need not parse it again.
                stream.Position = 0;
                var track = GpsTrack.Read(stream);
                return track.Warning is { } warning ? new MediaMetadata { Warnings = [warning] } : new MediaMetadata { TrackSegments = track.Segments };
            }

            if (stream.Length > 16 * 1024 * 1024)
            {
                return new MediaMetadata { Warnings = ["sidecar larger than 16 MB: not read"] };
            }

            var bytes = new byte[stream.Length];
            start.CopyTo(bytes, 0);
            stream.ReadExactly(bytes.AsSpan(start.Length));
            if (AppleAdjustments.Describes(header))
            {
                return new MediaMetadata(); // kept with its photo, not applied
            }

            if (CamcorderClipInfo.Describes(header))
            {
                return CamcorderClipInfo.Read(bytes);
            }

            if (SonyClipMetadata.Describes(header))
            {
                return SonyClipMetadata.Read(bytes);
            }

            if (GoogleTakeoutMetadata.Describes(header))
            {
                return GoogleTakeoutMetadata.Read(bytes);
            }

            var directory = new XmpReader().Extract(XmpValues.AsUtf8(bytes));
            if (directory.HasError && directory.XmpMeta is null)
            {
                return new MediaMetadata { Warnings = [.. directory.Errors] };
            }

            // A geotagger's GPS time is when the track placed the photo, not a correction of its date: the file's own
            // clock stays (a sidecar's date outranks it, and camera clocks drift from GPS by minutes).
            var metadata = EmbeddedMetadataReader.Interpret([directory]);
            return metadata.TakenAtIsUtc ? metadata with { TakenAt = null, TakenAtOffset = null, TakenAtIsUtc = false, TakenAtIsTrueUtc = false } : metadata;
        }
        catch (Exception e) when (EmbeddedMetadataReader.IsParserFailure(e))
        {
            return new MediaMetadata { Warnings = [$"sidecar could not be read: {EmbeddedMetadataReader.Describe(e)}"] };
        }
    }
}
