namespace Pixhaven.Core.Search;

/// <summary>One month of the calendar: how many photos it holds and one to show for it.</summary>
public sealed record CalendarMonth(int Year, int Month, int Count, string CoverUid, string? CoverHash);

/// <summary>A label and how many photos carry it.</summary>
public sealed record LabelCount(string Slug, string Name, int Count);

/// <summary>A camera model as its files name it (what <c>camera:</c> matches), the camera's name as people know it, and how many photos it took.</summary>
public sealed record CameraCount(string? Make, string Model, string Name, int Count);

/// <summary>
/// A person with how many photos show them and one face to show: its photo's thumbnail and size, and the face's box
/// in fractions of that picture, to crop it.
/// </summary>
public sealed record PersonCount(string Slug, string Name, int Count, string CoverUid, string? CoverHash, int? CoverWidth, int? CoverHeight, FaceBox Face, bool Hidden);

/// <summary>A face's box in fractions of the picture as shown, from the top-left corner.</summary>
public sealed record FaceBox(double X, double Y, double Width, double Height);

/// <summary>A folder under originals with the photos below it (subfolders included).</summary>
public sealed record FolderCount(string Path, string Name, int Count);

/// <summary>Photos near each other at a map zoom: their number, centre and one to show.</summary>
public sealed record PlaceCluster(double Lat, double Lng, int Count, string SampleUid, string? SampleHash);

/// <summary>A country with its photo count, one photo to show, and its regions.</summary>
public sealed record PlaceCount(string CountryCode, string Name, int Count, string CoverUid, string? CoverHash, IReadOnlyList<RegionCount> Regions);

/// <summary>A region or state of a country and how many photos were taken there.</summary>
public sealed record RegionCount(string Name, int Count);
