namespace Pixhaven.Core.Media;

/// <summary>
/// Copies a file so that the copy is either complete and equal to the source, or absent: written to a hidden temporary
/// beside the target, flushed to disk, compared by content hash, then renamed into place without ever overwriting.
/// A kill at any moment leaves at most a temporary with <paramref name="temporarySuffix"/>, which callers sweep.
/// </summary>
public static class VerifiedCopy
{
    /// <returns>False when the target name is taken (before or during the copy); the caller picks another name.</returns>
    /// <exception cref="InvalidDataException">The copy does not match the source; nothing is left behind.</exception>
    public static async Task<bool> TryCopyAsync(
        string source, string target, string expectedHash, DateTime modifiedUtc, string temporarySuffix, CancellationToken cancellationToken)
    {
        if (File.Exists(target))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + temporarySuffix);
        await using (var input = ContentHasher.OpenRead(source))
        await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            await input.CopyToAsync(output, cancellationToken);
            await output.FlushAsync(cancellationToken);
            output.Flush(flushToDisk: true);
        }

        File.SetLastWriteTimeUtc(temporary, modifiedUtc);
        if (await ContentHasher.HashFileAsync(temporary, cancellationToken) != expectedHash)
        {
            DeleteTemporary(temporary, temporarySuffix);
            throw new InvalidDataException("the copy does not match the source (hash differs); the source is kept");
        }

        try
        {
            File.Move(temporary, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            DeleteTemporary(temporary, temporarySuffix); // someone took the name meanwhile
            return false;
        }
    }

    /// <summary>Removes temporaries that a killed copy left under <paramref name="root"/>.</summary>
    public static void SweepTemporaries(string root, string temporarySuffix)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var stale in Directory.EnumerateFiles(root, "*" + temporarySuffix, new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            DeleteTemporary(stale, temporarySuffix);
        }
    }

#pragma warning disable RS0030 // Deletes only this class's own temporaries, recognised by their suffix.
    private static void DeleteTemporary(string temporary, string temporarySuffix)
    {
        if (temporary.EndsWith(temporarySuffix, StringComparison.Ordinal))
        {
            File.Delete(temporary);
        }
    }
#pragma warning restore RS0030
}
