using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Pixhaven.Tests.Web;

/// <summary>What the browser downloads for the grid view stays small; the map's outlines load only when Places opens.</summary>
public sealed partial class BundleSizeTests
{
    private const long GridBudget = 250 * 1024;

    private static readonly string WebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    [GeneratedRegex("(?:src|href)=\"/(assets/[^\"]+\\.(?:js|css))\"")]
    private static partial Regex LoadedAssets();

    [GeneratedRegex(@"(?<![\w-])[A-Za-z][\w-]*-[\w-]{8}\.js")]
    private static partial Regex Chunk();

    private static long GzipSize(string path)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(path));
        }

        return output.Length;
    }

    [Fact]
    public void GridView_LoadsAtMost250KBOfGzippedScriptAndStyle()
    {
        var html = File.ReadAllText(Path.Combine(WebRoot, "index.html"));
        var assets = LoadedAssets().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        var total = assets.Sum(a => GzipSize(Path.Combine(WebRoot, a)));
        Assert.True(total <= GridBudget, $"the grid view loads {total / 1024.0:0.0} KB gzip: {string.Join(", ", assets)}");
    }

    [Fact]
    public void WorldOutlines_AreALazyChunk_NotLoadedByTheGridView()
    {
        var html = File.ReadAllText(Path.Combine(WebRoot, "index.html"));
        var entry = LoadedAssets().Matches(html).Select(m => m.Groups[1].Value).Single(a => a.EndsWith(".js", StringComparison.Ordinal));
        var script = File.ReadAllText(Path.Combine(WebRoot, entry));
        Assert.DoesNotContain("\"countries\"", script, StringComparison.Ordinal);
        // The map and the viewer's small map import them when they are shown.
        var lazy = Chunk().Matches(script).Select(m => m.Value).Distinct().Where(c => !html.Contains(c, StringComparison.Ordinal)).ToList();
        Assert.Contains(lazy, c => c.StartsWith("world-outlines-", StringComparison.Ordinal)
            && File.ReadAllText(Path.Combine(WebRoot, "assets", c)).Contains("countries", StringComparison.Ordinal));
    }
}
