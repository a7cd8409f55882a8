namespace Pixhaven.Core.Organizing;

/// <summary>
/// Changes to one or more photos; a null field is left as it is, an empty text clears the field. Every value set here
/// is recorded as a manual edit, which outranks any file and survives re-indexing.
/// </summary>
public sealed record PhotoEdit
{
    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>Replaces the keywords (and so the keyword labels).</summary>
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>Local wall-clock time, ISO 8601 without offset, e.g. "2019-06-30T18:05:00".</summary>
    public string? TakenAt { get; init; }

    /// <summary>
    /// Moves each photo's time by this much, as a camera whose clock was wrong needs: "+01:00", "-00:30", "+2.03:00"
    /// (days.hours:minutes). Not with <see cref="TakenAt"/>.
    /// </summary>
    public string? ShiftTakenAt { get; init; }

    /// <summary>
    /// The zone of the time: an IANA name ("Europe/Berlin") or an offset ("+02:00"); empty: unknown. Without
    /// <see cref="TakenAt"/>, each photo keeps its local time (after any shift) and takes the zone's offset at it.
    /// </summary>
    public string? TimeZone { get; init; }

    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>
    /// A place by name instead of coordinates: "Lisbon", "Lisbon, Portugal", "Springfield, Illinois, US". A name that
    /// several places share is refused with the candidates, so the user can add the region or country.
    /// </summary>
    public string? Place { get; init; }

    /// <summary>Removes the position (and so the place).</summary>
    public bool ClearLocation { get; init; }

    public string? CameraMake { get; init; }
    public string? CameraModel { get; init; }
    public string? Lens { get; init; }

    /// <summary>
    /// Turns the photo clockwise by this many degrees, on top of any earlier turn: 90, 180, 270, or -90 to turn it
    /// back a quarter. Only the catalog and the thumbnails turn; videos and Live Photos cannot be turned.
    /// </summary>
    public int? Rotate { get; init; }

    public bool? Favorite { get; init; }
    public bool? Private { get; init; }
}

/// <summary>An edit or organising request that cannot be carried out, with the reason for the user.</summary>
public sealed class OrganizeException(string message) : Exception(message);
