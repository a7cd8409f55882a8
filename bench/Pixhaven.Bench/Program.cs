using Pixhaven.Bench;

// End-to-end benchmark driver: `dotnet run -c Release --project bench/Pixhaven.Bench -- index --photos 200`
if (args.Length == 0 || args[0] != "index")
{
    Console.Error.WriteLine("usage: index [--photos N]");
    return 2;
}

var photos = args.SkipWhile(a => a != "--photos").Skip(1).Select(int.Parse).DefaultIfEmpty(200).First();
return await IndexBenchmark.RunAsync(photos);
