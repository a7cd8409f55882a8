namespace Pixhaven.Core.Model;

/// <summary>
/// Where a photo's field value came from, ranked: indexing replaces a value only when the new source ranks
/// at least as high as the recorded one, so a manual edit is never overwritten by a re-index.
/// </summary>
public enum MetadataSource
{
    Auto = 0,
    FileName = 10,

    /// <summary>A position from a GPS track recorded beside the camera (<see cref="Places.TrackGeotagger"/>).</summary>
    Track = 15,
    Embedded = 20,
    Sidecar = 30,
    Manual = 40,
}
