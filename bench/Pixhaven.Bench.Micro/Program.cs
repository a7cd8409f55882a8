using BenchmarkDotNet.Running;

// Micro-benchmarks of the indexing stages and the query parser, per file or per query:
//   dotnet run -c Release --project bench/Pixhaven.Bench.Micro -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
