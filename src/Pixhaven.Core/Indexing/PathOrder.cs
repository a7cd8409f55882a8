namespace Pixhaven.Core.Indexing;

/// <summary>
/// Which of two files a photo shows when nothing else decides (identical copies; stack files of one kind): the shorter
/// path, then the ordinal order. "IMG_1.jpg" before "IMG_1 copy.jpg", "2019/IMG_1.jpg" before "2019/backup/IMG_1.jpg".
/// </summary>
public sealed class PathOrder : IComparer<string>
{
    public static PathOrder Instance { get; } = new();

    public int Compare(string? x, string? y) =>
        (x?.Length ?? 0) != (y?.Length ?? 0) ? (x?.Length ?? 0).CompareTo(y?.Length ?? 0) : string.CompareOrdinal(x, y);
}
