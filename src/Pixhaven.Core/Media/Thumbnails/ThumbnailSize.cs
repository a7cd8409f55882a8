namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>A named thumbnail size. Only these exist: requests for any other size are refused, never generated.</summary>
public sealed record ThumbnailSize(string Name, int Width, int Height, bool Crop, string Purpose)
{
    /// <summary>
    /// Bump, with <see cref="Indexing.IndexerRevision"/>, when the way thumbnails are made changes (sizes, quality,
    /// colour handling): every <see cref="ThumbnailKeys"/> key changes with it, so the next index makes the thumbnails
    /// again under new URLs, and immutable caching stays correct.
    /// </summary>
    public const int CacheVersion = 1;

    public static ThumbnailSize Tile224 { get; } = new("tile_224", 224, 224, true, "grid tiles and lists");
    public static ThumbnailSize Tile500 { get; } = new("tile_500", 500, 500, true, "large grid tiles, album covers");
    public static ThumbnailSize Fit360 { get; } = new("fit_360", 360, 360, false, "justified grid rows on standard-density screens");
    public static ThumbnailSize Fit720 { get; } = new("fit_720", 720, 720, false, "justified grid rows on HiDPI screens, phones");
    public static ThumbnailSize Fit1280 { get; } = new("fit_1280", 1280, 1024, false, "lightbox on small screens");
    public static ThumbnailSize Fit1920 { get; } = new("fit_1920", 1920, 1200, false, "lightbox, full HD");
    public static ThumbnailSize Fit2560 { get; } = new("fit_2560", 2560, 1600, false, "lightbox, large and HiDPI screens");

    /// <summary>Every size, largest first: the order they are made in from one decode.</summary>
    public static IReadOnlyList<ThumbnailSize> All { get; } = [Fit2560, Fit1920, Fit1280, Fit720, Tile500, Fit360, Tile224];

    public static ThumbnailSize? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
