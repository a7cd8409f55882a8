using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;

namespace Pixhaven.Core.Media;

/// <summary>The result of <see cref="MediaInspector.Inspect"/>: type, metadata, dimensions and the first problem met.</summary>
public sealed record MediaInspection(string Path, DetectedType Type, MediaMetadata? Metadata, ImageHeader? Header, string? Error)
{
    public static MediaInspection Unreadable(string path, string reason) => new(path, DetectedType.Unknown, null, null, reason);
}
