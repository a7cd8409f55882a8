using System.Text.Json;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Media;
using Pixhaven.Core.Options;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Jobs;

/// <summary>
/// Uploads that can be resumed after a dropped connection: each is a growing file in storage/uploads with a small
/// description beside it, and moves into the import inbox once every byte has arrived. Never in import before that,
/// so an import run can never pick up half a photo.
/// </summary>
public sealed class PartialUploads(PixhavenOptions options)
{
    /// <summary>Uploads not finished within this time are removed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    private readonly Lock _gate = new();

    private string Root => Path.Combine(options.StorageFullPath, "uploads");

    public sealed record Upload(string Id, string User, string Folder, string Name, long Length, DateTime CreatedAt);

    /// <summary>Registers an upload; the name and folder must be plain names (no path), the length within the limit.</summary>
    public Upload Create(string user, string folder, string name, long length, DateTime now)
    {
        if (!IsPlainName(name) || !IsPlainName(folder))
        {
            throw new UploadException("a file name and folder name are needed, without '/', '\\\\' or '..'");
        }

        if (length < 0 || length > options.UploadMaxMegabytes * 1024L * 1024)
        {
            throw new UploadTooLargeException($"a file may have at most {options.UploadMaxMegabytes} MB");
        }

        RemoveExpired(now);
        Directory.CreateDirectory(Root);
        var upload = new Upload(Secrets.NewUid('u'), user, folder, name, length, now);
        File.WriteAllText(DescriptionPath(upload.Id), JsonSerializer.Serialize(upload));
        File.Create(DataPath(upload.Id)).Dispose();
        return upload;
    }

    /// <summary>The upload and the bytes it has so far, when it exists and belongs to this user.</summary>
    public (Upload Upload, long Offset)? Find(string id, string user)
    {
        if (!IsId(id) || !File.Exists(DescriptionPath(id)))
        {
            return null;
        }

        var upload = JsonSerializer.Deserialize<Upload>(File.ReadAllText(DescriptionPath(id)));
        return upload is not null && upload.User == user && File.Exists(DataPath(id)) ? (upload, new FileInfo(DataPath(id)).Length) : null;
    }

    /// <summary>
    /// Appends what the body brings at the given offset and answers the new offset; bytes received before a dropped
    /// connection stay, so the client resumes from there. One writer per upload at a time.
    /// </summary>
    public async Task<long> AppendAsync(Upload upload, long offset, Stream body, CancellationToken cancellationToken)
    {
        var path = DataPath(upload.Id);
        FileStream output;
        lock (_gate)
        {
            output = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 81920, useAsync: true);
        }

        await using (output)
        {
            if (output.Length != offset)
            {
                throw new UploadConflictException(output.Length);
            }

            output.Seek(offset, SeekOrigin.Begin);
            var buffer = new byte[81920];
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (output.Position + read > upload.Length)
                    {
                        throw new UploadException("more bytes than the upload's length");
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // A dropped connection: keep what arrived.
            }

            await output.FlushAsync(CancellationToken.None);
            return output.Length;
        }
    }

    /// <summary>
    /// Moves a complete upload into import/folder/name (numbered when the name is taken) after the check, which says
    /// whether the content may be stored; answers the path inside import, or null when the check refused it.
    /// </summary>
    public string? Complete(Upload upload, Func<string, string, bool> accepts)
    {
        var data = DataPath(upload.Id);
        try
        {
            if (!accepts(data, upload.Name))
            {
                return null;
            }

            Directory.CreateDirectory(options.ImportFullPath);
            var folder = SafePaths.ResolveEntry(options.ImportFullPath, upload.Folder) ?? throw new UploadException("the folder is outside the import inbox");
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, upload.Name);
            for (var n = 2; File.Exists(target); n++)
            {
                target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(upload.Name)} ({n}){Path.GetExtension(upload.Name)}");
            }

            File.Move(data, target);
            return Path.GetRelativePath(options.ImportFullPath, target);
        }
        finally
        {
            Remove(upload.Id);
        }
    }

    /// <summary>Deleted through <see cref="TemporaryFiles"/>, which refuses any path outside storage/uploads.</summary>
    public void Remove(string id)
    {
        var files = new TemporaryFiles(Root);
        files.Delete(DataPath(id));
        files.Delete(DescriptionPath(id));
    }

    private void RemoveExpired(DateTime now)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var description in Directory.EnumerateFiles(Root, "*.json"))
        {
            if (now - File.GetLastWriteTimeUtc(Path.ChangeExtension(description, ".part")) > Lifetime)
            {
                Remove(Path.GetFileNameWithoutExtension(description));
            }
        }
    }

    private string DataPath(string id) => Path.Combine(Root, id + ".part");
    private string DescriptionPath(string id) => Path.Combine(Root, id + ".json");

    private static bool IsId(string id) => id.Length == 16 && id[0] == 'u' && id.All(char.IsAsciiLetterOrDigit);

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 255 && name is not "." and not ".." && name.IndexOfAny(['/', '\\', '\0']) < 0 && !name.StartsWith('.');
}

/// <summary>An upload request that cannot be carried out, with the reason for the client.</summary>
public class UploadException(string message) : Exception(message);

/// <summary>The upload is longer than <c>upload-max-mb</c> allows.</summary>
public sealed class UploadTooLargeException(string message) : UploadException(message);

/// <summary>The client's offset is not where the upload stands; it should ask (HEAD) and resume from there.</summary>
public sealed class UploadConflictException(long offset) : UploadException($"the upload is at byte {offset}")
{
    public long Offset { get; } = offset;
}
