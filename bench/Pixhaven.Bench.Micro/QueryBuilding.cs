using BenchmarkDotNet.Attributes;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Bench.Micro;

/// <summary>Parsing the search language, from a single filter to a long query with every kind of value.</summary>
[MemoryDiagnoser]
public class QueryBuilding
{
    [Params("label:cat", "beach year:2015-2018 country:de|fr -type:video", "\"golden gate\" camera:canon lens:*70-200* iso:100-400 f:2.8 near:37.8,-122.4 dist:5 after:2019-06 favorite:true -label:\"screen shot\"")]
    public string Query { get; set; } = "";

    [Benchmark(Description = "parse")]
    public SearchQuery Parse() => SearchQueryParser.Parse(Query);
}
