using System.IO.Hashing;

namespace Pixhaven.Core.Media;

/// <summary>
/// Streams a file through XxHash128. Not cryptographic, and it need not be: the hash keys thumbnails and finds
/// duplicates among a user's own files, and at several GB/s it keeps hashing far below decode cost.
/// </summary>
public static class ContentHasher
{
    private const int BufferSize = 1 << 20;

    public static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = OpenRead(path);
        var hasher = new XxHash128();
        await hasher.AppendAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hasher.GetCurrentHash());
    }

    /// <summary>Opens an original for reading only, letting other programs keep writing or moving it.</summary>
    public static FileStream OpenRead(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = BufferSize,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });

    public static bool IsValidHash(string? hash) =>
        hash is { Length: 32 } && hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
