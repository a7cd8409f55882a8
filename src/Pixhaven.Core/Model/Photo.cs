namespace Pixhaven.Core.Model;

/// <summary>A photo as the user sees it: one picture, shown once, backed by one or more files.</summary>
public sealed class Photo
{
    public long Id { get; set; }

    /// <summary>Stable public identifier used in URLs; never reused.</summary>
    public required string Uid { get; set; }

    public MediaType Type { get; set; }

    /// <summary>Local wall-clock time the photo was taken (no offset applied).</summary>
    public DateTime TakenAt { get; set; }

    /// <summary>UTC offset of <see cref="TakenAt"/> in minutes, when the file says.</summary>
    public int? TakenAtOffsetMinutes { get; set; }

    /// <summary>Instant used for ordering: <see cref="TakenAt"/> minus its offset, or the local time when unknown.</summary>
    public DateTime TakenAtUtc { get; set; }

    public MetadataSource TakenAtSource { get; set; }

    public string? Title { get; set; }
    public MetadataSource TitleSource { get; set; }
    public string? Description { get; set; }
    public MetadataSource DescriptionSource { get; set; }

    /// <summary>Keywords joined by ", " in file order.</summary>
    public string? Keywords { get; set; }
    public MetadataSource KeywordsSource { get; set; }

    /// <summary>Faces marked in the files, in <see cref="Media.Metadata.FaceRegion.Format"/>'s text; <see cref="Faces"/> follows it.</summary>
    public string? FaceRegions { get; set; }
    public MetadataSource FacesSource { get; set; }

    /// <summary>Stars from 0 to 5, from XMP; null when never rated.</summary>
    public int? Rating { get; set; }

    /// <summary>Where camera and lens came from: a manual edit survives re-indexing.</summary>
    public MetadataSource CameraSource { get; set; }

    public string? CameraMake { get; set; }
    public string? CameraModel { get; set; }
    public string? Lens { get; set; }
    public double? FocalLength { get; set; }
    public double? FNumber { get; set; }
    public string? ExposureTime { get; set; }
    public int? Iso { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? Altitude { get; set; }
    public MetadataSource LocationSource { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country at the position, from the offline gazetteer.</summary>
    public string? CountryCode { get; set; }

    /// <summary>Region or state at the position (first-level administrative division).</summary>
    public string? State { get; set; }

    /// <summary>Nearest populated place to the position.</summary>
    public string? City { get; set; }

    /// <summary>"City, State, Country" for display and full-text search.</summary>
    public string? PlaceLabel { get; set; }

    /// <summary>Main colour name of the picture ("red", "blue", ... "black", "white"), from the smallest thumbnail.</summary>
    public string? Color { get; set; }

    public bool Favorite { get; set; }

    /// <summary>Hidden from default views; shown with <c>private:true</c>.</summary>
    public bool Private { get; set; }

    /// <summary>Set when archived (a soft delete, restorable); archived photos leave every default view.</summary>
    public DateTime? ArchivedAt { get; set; }

    /// <summary>Last manual edit.</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>
    /// A quarter turn or more, clockwise in degrees (0, 90, 180, 270), that the user gave the photo on top of the
    /// orientation its files give: a camera without a tilt sensor stores a portrait lying on its side.
    /// </summary>
    public int Rotation { get; set; }

    /// <summary>Width after orientation and <see cref="Rotation"/> are applied.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>An animated GIF or WebP: the viewer plays the original instead of showing a still of it.</summary>
    public bool Animated { get; set; }

    /// <summary>Seconds, when the photo is a video.</summary>
    public double? Duration { get; set; }

    /// <summary>Content hash of the file that thumbnails are made from.</summary>
    public string? ThumbnailHash { get; set; }

    /// <summary>Hidden from browsing because every file behind it is missing.</summary>
    public bool Missing { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<PhotoFile> Files { get; set; } = [];

    public List<PhotoLabel> Labels { get; set; } = [];

    public List<Face> Faces { get; set; } = [];

    public List<AlbumPhoto> Albums { get; set; } = [];
}
