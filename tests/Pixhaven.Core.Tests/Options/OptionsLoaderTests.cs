using Pixhaven.Core.Options;

namespace Pixhaven.Core.Tests.Options;

public sealed class OptionsLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-options-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> Map(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Load_WithNothingSet_UsesDefaults()
    {
        var loaded = OptionsLoader.Load(Map(), Map(), configFile: null);
        Assert.Equal("./originals", loaded.Values.OriginalsPath);
        Assert.Equal("./storage", loaded.Values.StoragePath);
        Assert.Equal(2342, loaded.Values.HttpPort);
        Assert.All(loaded.Sources.Values, s => Assert.Equal(OptionSource.Default, s));
    }

    [Fact]
    public void Load_FlagBeatsEnvironmentBeatsFile()
    {
        var file = Path.Combine(_folder, "options.json");
        File.WriteAllText(file, """{ "http-port": 1000, "storage-path": "/from/file", "workers": 3 }""");
        var loaded = OptionsLoader.Load(
            Map(("PIXHAVEN_HTTP_PORT", "2000"), ("PIXHAVEN_STORAGE_PATH", "/from/env")),
            Map(("http-port", "3000")),
            file);

        Assert.Equal(3000, loaded.Values.HttpPort);
        Assert.Equal(OptionSource.Flag, loaded.Sources["http-port"]);
        Assert.Equal("/from/env", loaded.Values.StoragePath);
        Assert.Equal(OptionSource.Environment, loaded.Sources["storage-path"]);
        Assert.Equal(3, loaded.Values.Workers);
        Assert.Equal(OptionSource.File, loaded.Sources["workers"]);
        Assert.Equal(OptionSource.Default, loaded.Sources["originals-path"]);
    }

    [Theory]
    [InlineData("PIXHAVEN_HTTP_PORT", "70000", "PIXHAVEN_HTTP_PORT")]
    [InlineData("PIXHAVEN_WORKERS", "many", "PIXHAVEN_WORKERS")]
    [InlineData("PIXHAVEN_DATABASE_DRIVER", "oracle", "oracle")]
    [InlineData("PIXHAVEN_INDEX_ON_START", "maybe", "maybe")]
    [InlineData("PIXHAVEN_DEFAULT_TIME_ZONE", "Mars/Olympus_Mons", "not a known time zone")]
    [InlineData("PIXHAVEN_IMPORT_PATTERN", "{yyyy}/../{hash8}", "unsafe path")]
    public void Load_InvalidValue_NamesTheOption(string variable, string value, string expectedInMessage)
    {
        var error = Assert.Throws<OptionsException>(() => OptionsLoader.Load(Map((variable, value)), Map(), null));
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyInFile_IsAnError()
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, """{ "originals": "/x" }""");
        var error = Assert.Throws<OptionsException>(() => OptionsLoader.Load(Map(), Map(), file));
        Assert.Contains("unknown option 'originals'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedFile_IsAClearError()
    {
        var file = Path.Combine(_folder, "broken.json");
        File.WriteAllText(file, "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<OptionsException>(() => OptionsLoader.Load(Map(), Map(), file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definitions_HaveUniqueNamesFlagsAndVariables()
    {
        Assert.Equal(OptionDefinitions.All.Count, OptionDefinitions.All.Select(d => d.Name).Distinct().Count());
        Assert.Equal(OptionDefinitions.All.Count, OptionDefinitions.All.Select(d => d.Flag).Distinct().Count());
        Assert.Contains(OptionDefinitions.All, d => d.EnvironmentVariable == "PIXHAVEN_ORIGINALS_PATH" && d.Flag == "--originals");
        Assert.Contains(OptionDefinitions.All, d => d.EnvironmentVariable == "PIXHAVEN_STORAGE_PATH" && d.Flag == "--storage");
        Assert.Contains(OptionDefinitions.All, d => d.EnvironmentVariable == "PIXHAVEN_HTTP_PORT" && d.Flag == "--port");
        Assert.Contains(OptionDefinitions.All, d => d.EnvironmentVariable == "PIXHAVEN_HTTP_HOST" && d.Flag == "--host");
    }
}
