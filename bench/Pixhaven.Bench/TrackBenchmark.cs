using System.Globalization;
using System.Text;

namespace Pixhaven.Bench;

/// <summary>
/// The GPS track step's cost on an index run that finds nothing new: a library of photos and a logger's tracks, timed
/// with the tracks' points kept in storage (as every run after the first) and with them parsed from the GPX again (the
/// kept points removed before the run). Reports both and their ratio, and appends them to docs/performance.md.
/// </summary>
public static class TrackBenchmark
{
    private const int PointsPerTrack = 20_000;
    private const int Runs = 3;

    public static async Task<int> RunAsync(int tracks)
    {
        var root = BenchEnvironment.RepositoryRoot();
        var photos = BenchCorpus.Ensure(root, 20, 2);
        var work = Directory.CreateTempSubdirectory("pixhaven-bench-tracks-").FullName;
        try
        {
            var originals = Path.Combine(work, "originals");
            Directory.CreateDirectory(Path.Combine(originals, "tracks"));
            foreach (var photo in Directory.EnumerateFiles(photos, "*.jpg"))
            {
                File.Copy(photo, Path.Combine(originals, Path.GetFileName(photo)));
            }

            long gpxBytes = 0;
            for (var t = 0; t < tracks; t++)
            {
                var path = Path.Combine(originals, "tracks", $"walk{t:000}.gpx");
                await File.WriteAllTextAsync(path, Track(new DateTime(2019, 7, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(t)));
                gpxBytes += new FileInfo(path).Length;
            }

            var pixhaven = Path.Combine(root, "src", "Pixhaven", "bin", "Release", "net10.0", "pixhaven.dll");
            var storage = Path.Combine(work, "storage");
            var index = $"dotnet {pixhaven} index --originals {originals} --storage {storage} > /dev/null";
            await IndexBenchmark.Measure(index);
            var kept = new List<double>();
            var parsed = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                kept.Add((await IndexBenchmark.Measure(index)).Wall);
                parsed.Add((await IndexBenchmark.Measure($"rm -rf {Path.Combine(storage, "cache", "tracks")} && {index}")).Wall);
            }

            var (keptMedian, parsedMedian) = (kept.Order().ElementAt(Runs / 2), parsed.Order().ElementAt(Runs / 2));
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, GPS tracks: 20 photos, {tracks} tracks of {PointsPerTrack:N0} points ({gpxBytes / (1024 * 1024)} MB of GPX), {BenchEnvironment.Machine()}");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"- Unchanged index run, median of {Runs}: points kept {keptMedian:0.00} s, parsed again {parsedMedian:0.00} s");
            report.AppendLine(CultureInfo.InvariantCulture, $"- Kept / parsed (wall): **{keptMedian / parsedMedian:P0}**");
            await BenchEnvironment.PublishAsync(root, report);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A logger's walk: a point every two seconds, as GPX 1.1.</summary>
    private static string Track(DateTime start)
    {
        var gpx = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"bench\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n");
        for (var i = 0; i < PointsPerTrack; i++)
        {
            gpx.Append(CultureInfo.InvariantCulture,
                $"<trkpt lat=\"{48.85 + (i * 1e-5):0.000000}\" lon=\"{2.29 + (i * 1e-5):0.000000}\"><ele>{35 + (i % 10)}.0</ele><time>{start.AddSeconds(i * 2):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>\n");
        }

        return gpx.Append("</trkseg></trk></gpx>\n").ToString();
    }
}
