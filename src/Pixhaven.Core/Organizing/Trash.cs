using System.Globalization;
using Pixhaven.Core.Media;
using Pixhaven.Core.Options;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Organizing;

/// <summary>
/// Where originals go when their photos are deleted for good and originals are writable: storage/trash/&lt;time of
/// the delete&gt;/&lt;the same relative path&gt;. Nothing is unlinked until an identical, flushed copy is in the trash,
/// and emptying the trash is left to the owner.
/// </summary>
public sealed class Trash(PixhavenOptions options, TimeProvider clock)
{
    private const string TemporarySuffix = ".pixhaven-trash";

    /// <summary>A folder for one delete, so files of the same name deleted at different times never meet.</summary>
    public string NewBatchFolder() =>
        Path.Combine(options.TrashPath, clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture));

    /// <summary>Moves one original (relative to originals) into the batch folder; returns where it went.</summary>
    /// <exception cref="IOException">The file could not be copied or removed; the original is where it was.</exception>
    public async Task<string> MoveAsync(string relativePath, string expectedHash, string batchFolder, CancellationToken cancellationToken)
    {
        var source = SafePaths.ResolveFile(options.OriginalsFullPath, relativePath)
            ?? throw new IOException($"{relativePath} is not a file inside originals");
        var modified = File.GetLastWriteTimeUtc(source);
        var target = Path.Combine(batchFolder, relativePath);
        for (var attempt = 1; !await VerifiedCopy.TryCopyAsync(source, target, expectedHash, modified, TemporarySuffix, cancellationToken); attempt++)
        {
            target = Path.Combine(batchFolder, $"{relativePath}.{attempt}");
        }

        RemoveOriginal(source);
        return target;
    }

#pragma warning disable RS0030 // The trash's one sanctioned delete: an original whose verified copy is already in the trash.
    private static void RemoveOriginal(string path) => File.Delete(path);
#pragma warning restore RS0030
}
