using System.Reflection;
using System.Text.Json;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>The real camera and phone corpus in tests/data/photos and exiftool's values for it (expected.json).</summary>
public static class TestPhotos
{
    private static readonly Lazy<Dictionary<string, JsonElement>> ExpectedFiles = new(LoadExpected);

    public static string Root { get; } = Metadata("PixhavenTestData");
    public static string RepositoryRoot { get; } = Metadata("PixhavenRepositoryRoot");

    /// <summary>exiftool's values per file, keyed by path relative to <see cref="Root"/>.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Expected => ExpectedFiles.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    // Named fixtures used by several tests; each comment says which scenario it covers.
    /// <summary>Canon DSLR JPEG with lens data, no GPS.</summary>
    public const string CanonJpeg = "jpeg/Canon_EOS_5D_Mark_III_K6A7945.JPG";
    /// <summary>Phone JPEG with GPS and altitude.</summary>
    public const string GpsJpeg = "jpeg/Apple_iPhone_4.jpg";
    /// <summary>Phone JPEG with time-zone offsets and sub-seconds.</summary>
    public const string OffsetJpeg = "jpeg/Apple_iPhone_13_Pro_IMG_8568.JPG";
    /// <summary>EXIF orientation 6: stored landscape, shown portrait.</summary>
    public const string Rotated = "orientation/Landscape_6.jpg";
    /// <summary>iPhone HEIC (HEVC) with orientation 6 and an irot box: rotate once, not twice.</summary>
    public const string IphoneHeic = "heic/Apple_iPhone_13_Pro_IMG_8565.HEIC";
    /// <summary>Tiny JPEG (smaller than every thumbnail size): must never be upscaled.</summary>
    public const string Tiny = "dates/gps-datetime-only.jpg";

    private static string Metadata(string key) =>
        Path.GetFullPath(typeof(TestPhotos).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);

    private static Dictionary<string, JsonElement> LoadExpected()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf("expected.json")));
        return document.RootElement.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    public static double? Number(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
