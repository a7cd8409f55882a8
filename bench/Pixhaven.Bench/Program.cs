using Pixhaven.Bench;

// Benchmark drivers, run in Release:
//   dotnet run -c Release --project bench/Pixhaven.Bench -- index --photos 200      indexing cost against vipsthumbnail
//   ... -- index --photos 10000 --megapixels 2 --no-reference                       unchanged re-index on a large library
//   dotnet run -c Release --project bench/Pixhaven.Bench -- search --photos 1000000 search latency on a large catalog
//   dotnet run -c Release --project bench/Pixhaven.Bench -- serve --photos 100000   idle memory and thumbnails per second
//   dotnet run -c Release --project bench/Pixhaven.Bench -- grid --photos 100000    web grid: first thumbnails, scrolling frame times
//   dotnet run -c Release --project bench/Pixhaven.Bench -- tracks --tracks 50      GPS track step: points kept against parsed
var photos = IntFlag("--photos");
var megapixels = IntFlag("--megapixels");
return args.FirstOrDefault() switch
{
    "index" => await IndexBenchmark.RunAsync(photos > 0 ? photos : 200, megapixels > 0 ? megapixels : 12, !args.Contains("--no-reference")),
    "search" => await SearchBenchmark.RunAsync(photos > 0 ? photos : 1_000_000),
    "serve" => await ServeBenchmark.RunAsync(photos > 0 ? photos : 100_000),
    "grid" => await GridBenchmark.RunAsync(photos > 0 ? photos : 100_000),
    "tracks" => await TrackBenchmark.RunAsync(IntFlag("--tracks") is > 0 and var tracks ? tracks : 50),
    _ => Usage(),
};

int IntFlag(string name) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault();

static int Usage()
{
    Console.Error.WriteLine("usage: index [--photos N] [--megapixels M] [--no-reference] | search [--photos N] | serve [--photos N] | grid [--photos N] | tracks [--tracks N]");
    return 2;
}
