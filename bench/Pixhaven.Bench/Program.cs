using Pixhaven.Bench;

// Benchmark drivers, run in Release:
//   dotnet run -c Release --project bench/Pixhaven.Bench -- index --photos 200      indexing cost against vipsthumbnail
//   dotnet run -c Release --project bench/Pixhaven.Bench -- search --photos 1000000 search latency on a large catalog
var photos = args.SkipWhile(a => a != "--photos").Skip(1).Select(int.Parse).FirstOrDefault();
return args.FirstOrDefault() switch
{
    "index" => await IndexBenchmark.RunAsync(photos > 0 ? photos : 200),
    "search" => await SearchBenchmark.RunAsync(photos > 0 ? photos : 1_000_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: index [--photos N] | search [--photos N]");
    return 2;
}
