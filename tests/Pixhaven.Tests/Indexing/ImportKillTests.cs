using System.Diagnostics;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Media;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>The import survives being killed at any moment: every file is in import or complete in originals.</summary>
public sealed class ImportKillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-kill-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task KilledImport_NeverLosesOrHalfWritesAFile()
    {
        var import = Path.Combine(_folder, "import");
        var originals = Path.Combine(_folder, "originals");
        var storage = Path.Combine(_folder, "storage");
        var sources = TestPhotos.Expected
            .Where(e => !e.Key.StartsWith("broken/", StringComparison.Ordinal) && e.Value.Text("MIMEType") is "image/jpeg" or "image/png" or "image/webp" or "image/tiff")
            .Select(e => (Source: TestPhotos.PathOf(e.Key), Name: e.Key)).ToList();

        // And one large photo (noise compresses poorly: about 30 MB), whose copy lasts long enough to be caught half-written
        // however fast the machine copies the small ones.
        var large = Path.Combine(_folder, "large.jpg");
        using (var noise = NetVips.Image.Gaussnoise(5000, 5000, sigma: 80).Cast(NetVips.Enums.BandFormat.Uchar))
        {
            noise.Jpegsave(large, q: 98);
        }

        void StartOver()
        {
            foreach (var folder in new[] { import, originals, storage }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(originals);
            foreach (var (source, name) in sources.Append((large, "large.jpg")))
            {
                var target = Path.Combine(import, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }

        StartOver();
        var hashes = (await Task.WhenAll(Directory.EnumerateFiles(import, "*", SearchOption.AllDirectories).Select(f => ContentHasher.HashFileAsync(f)))).ToHashSet();
        var environment = new Dictionary<string, string>
        {
            ["PIXHAVEN_IMPORT_PATH"] = import,
            ["PIXHAVEN_ORIGINALS_PATH"] = originals,
            ["PIXHAVEN_STORAGE_PATH"] = storage,
        };

        // First kill while the large photo's copy is half-written (a small one's is renamed before the kill lands), then
        // whenever a growing number of files has arrived; then let a last run finish. Each run must make progress, so
        // only the first waits for a temporary. Whether the watcher sees it in the moment it exists depends on the
        // machine's load: a run that finished unseen is checked like any other and the import starts over, up to three
        // times.
        var caughtHalfWritten = false;
        for (var attempt = 0; attempt < 3 && !caughtHalfWritten; attempt++)
        {
            if (attempt > 0)
            {
                StartOver();
            }

            caughtHalfWritten = !await RunAndKillAsync(environment, () => HasTemporary(originals, LargeBytes)) && HasTemporary(originals, LargeBytes);
            await CheckEveryFileIsWholeAsync(import, originals, hashes);
        }

        Assert.True(caughtHalfWritten, "every first import finished before any copy could be interrupted");
        var killedMidway = 0;
        foreach (var arrived in new[] { 1, 8, 25, 50 })
        {
            var finishedEarly = await RunAndKillAsync(environment, () => VisibleCount(originals) >= arrived);
            var (inImport, inOriginals) = await CheckEveryFileIsWholeAsync(import, originals, hashes);
            if (!finishedEarly && inImport > 0 && inOriginals > 0)
            {
                killedMidway++;
            }
        }

        var finished = await RunAndKillAsync(environment, () => false);
        Assert.True(finished, "the import did not finish");
        Assert.True(killedMidway > 0, "no kill landed in the middle of an import; the test proved nothing");
        var (left, placed) = await CheckEveryFileIsWholeAsync(import, originals, hashes);
        Assert.Equal((0, hashes.Count), (left, placed));
    }

    private static int VisibleCount(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).StartsWith('.')) : 0;

    /// <summary>A size only the large photo's temporary reaches: the corpus's photos are all smaller.</summary>
    private const long LargeBytes = 8 << 20;

    private static bool HasTemporary(string root, long minimumBytes) =>
        Directory.Exists(root) && new DirectoryInfo(root).EnumerateFiles("*" + Importer.TemporarySuffix, new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Any(f => LengthOrZero(f) >= minimumBytes);

    /// <summary>The file's size; 0 once the import has renamed it, between its listing and this look.</summary>
    private static long LengthOrZero(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>Runs an import and SIGKILLs it once <paramref name="killWhen"/> holds; true when it finished by itself.</summary>
    private static async Task<bool> RunAndKillAsync(IReadOnlyDictionary<string, string> environment, Func<bool> killWhen)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pixhaven.dll"));
        start.ArgumentList.Add("import");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        // Watched from a thread of its own: tests running beside this one can keep the thread pool busy for longer than
        // a copy lasts, and a watcher waiting for a pool thread would miss the moment.
        var killed = await Task.Factory.StartNew(() =>
        {
            var deadline = Stopwatch.StartNew();
            try
            {
                while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3))
                {
                    if (killWhen())
                    {
                        process.Kill(entireProcessTree: true); // SIGKILL: no cleanup code runs
                        return true;
                    }

                    Thread.Sleep(1);
                }
            }
            catch
            {
                process.Kill(entireProcessTree: true); // a failing watcher must not leave the import running past the test
                throw;
            }

            return false;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await process.WaitForExitAsync();
        return !killed && process.ExitCode == 0;
    }

    /// <summary>Every source is whole in exactly one place; originals hold nothing else but hidden temporaries.</summary>
    private static async Task<(int InImport, int InOriginals)> CheckEveryFileIsWholeAsync(string import, string originals, HashSet<string> hashes)
    {
        static IEnumerable<string> Visible(string root) => Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.'))
            : [];

        var inImport = await Task.WhenAll(Visible(import).Select(f => ContentHasher.HashFileAsync(f)));
        var inOriginals = await Task.WhenAll(Visible(originals).Select(f => ContentHasher.HashFileAsync(f)));
        Assert.All(inImport, h => Assert.Contains(h, hashes));
        Assert.All(inOriginals, h => Assert.Contains(h, hashes)); // a half-written file would have another hash
        foreach (var hash in hashes)
        {
            Assert.True(inImport.Contains(hash) || inOriginals.Contains(hash), $"a file with hash {hash} was lost");
        }

        Assert.Equal(inOriginals.Length, inOriginals.Distinct().Count());
        return (inImport.Length, inOriginals.Length);
    }
}
