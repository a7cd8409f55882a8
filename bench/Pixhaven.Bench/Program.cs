using Pixhaven.Bench;

// Benchmark drivers, run in Release:
//   dotnet run -c Release --project bench/Pixhaven.Bench -- index --photos 200      indexing cost against vipsthumbnail
//   dotnet run -c Release --project bench/Pixhaven.Bench -- search --photos 1000000 search latency on a large catalog
//   dotnet run -c Release --project bench/Pixhaven.Bench -- serve --photos 100000   idle memory and thumbnails per second
var photos = args.SkipWhile(a => a != "--photos").Skip(1).Select(int.Parse).FirstOrDefault();
return args.FirstOrDefault() switch
{
    "index" => await IndexBenchmark.RunAsync(photos > 0 ? photos : 200),
    "search" => await SearchBenchmark.RunAsync(photos > 0 ? photos : 1_000_000),
    "serve" => await ServeBenchmark.RunAsync(photos > 0 ? photos : 100_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: index [--photos N] | search [--photos N] | serve [--photos N]");
    return 2;
}
