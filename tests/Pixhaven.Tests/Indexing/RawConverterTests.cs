using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// RAW files without a large preview rendered by darktable-cli when it is configured (the real program, Debian package
/// darktable), with dcraw_emu behind it, each stopped when it runs out of time.
/// </summary>
public sealed class RawConverterTests
{
    private const string GoPro = "raw/GoPro_HERO7_GOPR8513.GPR";
    private const string Kodak = "raw/Kodak_DC50_DC0010S.KDC";
    private const string StrippedSony = "raw/Sony_ILCE-7M3.ARW";

    /// <summary>A darktable edit as darktable writes it beside a RAW: one history step, the flip module turning 90° clockwise.</summary>
    private const string TurnedByDarktable = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
         <rdf:Description xmlns:darktable="http://darktable.sf.net/" darktable:xmp_version="5" darktable:history_end="1">
          <darktable:history><rdf:Seq>
           <rdf:li darktable:num="0" darktable:operation="flip" darktable:enabled="1" darktable:modversion="2" darktable:params="06000000"
             darktable:multi_name="" darktable:multi_priority="0" darktable:blendop_version="11"
             darktable:blendop_params="gz11eJxjYGBgkGAAgRNODGiAEV0AJ2iwh+CRxQcA5qIZBA=="/>
          </rdf:Seq></darktable:history>
         </rdf:Description></rdf:RDF></x:xmpmeta>
        """;

    [Fact]
    public async Task Darktable_RendersTheGoProRawDcrawCannot_WithTheUsersEdit_DcrawStillRendersWhatDarktableCannot_AndOriginalsStayAsTheyWere()
    {
        await using var library = await TestLibrary.CreateAsync([GoPro, Kodak, StrippedSony], new Dictionary<string, string> { ["darktable-cli"] = "darktable-cli" });
        await File.WriteAllTextAsync(library.OriginalPath(GoPro + ".xmp"), TurnedByDarktable);
        var before = Snapshot(library.Originals);

        var result = await library.IndexAsync();

        Assert.Equal(4, result.Indexed);
        await using var db = library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).ToDictionaryAsync(f => f.Path);
        var store = new ThumbnailStore(library.Options.Values.ThumbnailCachePath);

        // The GPR (VC-5 compressed) is one LibRaw does not read: CorpusIndexTests records dcraw_emu's refusal.
        var gopro = files[GoPro];
        Assert.Equal((FileStatus.Indexed, (string?)null), (gopro.Status, gopro.Error));
        Assert.True(store.HasAll(gopro.Photo!.ThumbnailHash!));
        using (var large = Image.NewFromFile(store.PathFor(gopro.Photo.ThumbnailHash!, ThumbnailSize.Fit2560)))
        {
            // 4000x3000 turned by the user's darktable edit, rendered at most 2560 high, into the 2560x1600 box: portrait,
            // and a colour chart, not a flat field.
            Assert.Equal((1200, 1600), (large.Width, large.Height));
            Assert.True(large.Deviate() > 20, $"deviation {large.Deviate()}");
        }

        // darktable's rawspeed has no decoder for the Kodak DC50; dcraw_emu, tried next, renders it without a word.
        Assert.Equal((FileStatus.Indexed, (string?)null), (files[Kodak].Status, files[Kodak].Error));
        Assert.True(store.HasAll(files[Kodak].Photo!.ThumbnailHash!));

        // Neither can render the stripped ARW; both reasons are kept, in the order they were tried.
        var sony = files[StrippedSony].Error!;
        Assert.Contains("darktable-cli found the RAW's image data cut short or damaged (rawspeed: Out of bounds access in ByteStream); ", sony, StringComparison.Ordinal);
        Assert.EndsWith("dcraw_emu found the RAW's image data cut short or damaged (LibRaw: Input/output error)", sony, StringComparison.Ordinal);
        Assert.DoesNotContain(library.Storage, sony, StringComparison.Ordinal);

        // darktable keeps its configuration and caches in storage for one run only, and writes no sidecar beside a RAW.
        Assert.Equal(before, Snapshot(library.Originals));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(library.Storage, "cache", "tmp")));
        var found = library.Services.GetRequiredService<ConverterInventory>().Found;
        Assert.True(found["darktable-cli"] && found["dcraw_emu"]);
    }

    [Fact]
    public async Task ARawShownByItsSmallPreview_GetsThumbnailsUnderNewUrls_WhenAConverterRendersIt()
    {
        // The GPR holds no preview of its own; a small JPEG at its end gives it one, as many older cameras wrote.
        await using var first = await TestLibrary.CreateAsync([GoPro]);
        using (var picture = Image.Thumbnail(TestPhotos.PathOf("jpeg/Canon_EOS_7D.jpg"), 400))
        await using (var raw = new FileStream(first.OriginalPath(GoPro), FileMode.Append))
        {
            raw.Write(picture.JpegsaveBuffer(keep: Enums.ForeignKeep.None));
        }

        await first.IndexAsync();
        var store = new ThumbnailStore(first.Options.Values.ThumbnailCachePath);
        var (hash, smallKey, problem) = await ShownAsync(first);
        Assert.StartsWith("only a small embedded preview (267x400), and dcraw_emu", problem, StringComparison.Ordinal);
        Assert.Equal(ThumbnailKeys.Rendering(hash, RawPreviewRenderer.SmallPreview), smallKey);
        var smallLightbox = await File.ReadAllBytesAsync(store.PathFor(smallKey, ThumbnailSize.Fit2560));
        using (var small = Image.NewFromBuffer(smallLightbox))
        {
            Assert.Equal(400, Math.Max(small.Width, small.Height));
        }

        // darktable, configured since, renders the RAW: its thumbnails get keys, and so URLs, of their own, since the
        // URLs are cached as immutable and a browser would keep showing the 400 px picture for the old ones.
        await using var second = await first.ReopenAsync(new Dictionary<string, string> { ["darktable-cli"] = "darktable-cli" });
        Assert.Equal(1, (await second.IndexAsync()).Indexed);
        var (_, renderedKey, none) = await ShownAsync(second);
        Assert.Null(none);
        Assert.Equal(ThumbnailKeys.Rendering(hash, "darktable-cli"), renderedKey);
        using (var rendered = Image.NewFromFile(store.PathFor(renderedKey, ThumbnailSize.Fit2560)))
        {
            Assert.True(Math.Max(rendered.Width, rendered.Height) >= RawPreviewRenderer.MinimumPreviewSide, $"{rendered.Width}x{rendered.Height}");
        }

        // What the old URLs served is still what they serve.
        Assert.Equal(smallLightbox, await File.ReadAllBytesAsync(store.PathFor(smallKey, ThumbnailSize.Fit2560)));
    }

    [Fact]
    public async Task ADarktableEditChangedOrRemovedLater_RendersTheRawAgain_UnderNewUrls()
    {
        await using var library = await TestLibrary.CreateAsync([GoPro], new Dictionary<string, string> { ["darktable-cli"] = "darktable-cli" });
        var store = new ThumbnailStore(library.Options.Values.ThumbnailCachePath);
        var edit = library.OriginalPath(GoPro + ".xmp");
        await File.WriteAllTextAsync(edit, TurnedByDarktable);
        await library.IndexAsync();
        var (hash, turned, _) = await ShownAsync(library);
        Assert.Equal((1200, 1600), Size(store.PathFor(turned, ThumbnailSize.Fit2560)));

        // The user takes the turn back in darktable, which writes the sidecar again; the RAW itself is unchanged.
        await File.WriteAllTextAsync(edit, TurnedByDarktable.Replace("darktable:history_end=\"1\"", "darktable:history_end=\"0\"", StringComparison.Ordinal));
        await library.IndexAsync();
        var (_, untouched, _) = await ShownAsync(library);
        Assert.NotEqual(turned, untouched);
        Assert.Equal((2133, 1600), Size(store.PathFor(untouched, ThumbnailSize.Fit2560)));

        // Without the sidecar, darktable's own rendering, under the keys of a rendering without an edit.
        File.Delete(edit);
        await library.IndexAsync();
        var (_, plain, _) = await ShownAsync(library);
        Assert.Equal(ThumbnailKeys.Rendering(hash, DarktableConverter.ToolName), plain);
        Assert.Equal((2133, 1600), Size(store.PathFor(plain, ThumbnailSize.Fit2560)));
    }

    [Fact]
    public async Task ARawWithADarktableEdit_ShowsTheEdit_NotTheCamerasPreview()
    {
        // The GPR with a large preview of its own at its end (1600x1200, with no orientation of its own), as most RAWs have.
        await using var library = await TestLibrary.CreateAsync([GoPro], new Dictionary<string, string> { ["darktable-cli"] = "darktable-cli" });
        using (var picture = Image.Thumbnail(TestPhotos.PathOf(TestPhotos.CanonJpeg), 1600, height: 1200, crop: Enums.Interesting.Centre))
        await using (var raw = new FileStream(library.OriginalPath(GoPro), FileMode.Append))
        {
            raw.Write(picture.JpegsaveBuffer(keep: Enums.ForeignKeep.None));
        }

        await library.IndexAsync();
        var store = new ThumbnailStore(library.Options.Values.ThumbnailCachePath);
        var (hash, preview, _) = await ShownAsync(library);
        Assert.Equal(ThumbnailKeys.Content(hash), preview);
        Assert.Equal((1600, 1200), Size(store.PathFor(preview, ThumbnailSize.Fit2560)));

        // The user turns it in darktable: the photo shows darktable's rendering of the edit from then on.
        await File.WriteAllTextAsync(library.OriginalPath(GoPro + ".xmp"), TurnedByDarktable);
        await library.IndexAsync();
        var (_, edited, problem) = await ShownAsync(library);
        Assert.Null(problem);
        Assert.Equal(ThumbnailKeys.Rendering(hash, $"{DarktableConverter.ToolName}:{await ContentHasher.HashFileAsync(library.OriginalPath(GoPro + ".xmp"))}"), edited);
        Assert.Equal((1200, 1600), Size(store.PathFor(edited, ThumbnailSize.Fit2560)));
    }

    private static (int Width, int Height) Size(string path)
    {
        using var image = Image.NewFromFile(path);
        return (image.Width, image.Height);
    }

    /// <summary>The only RAW's hash, the key its photo's thumbnails are shown under, and the RAW's problem.</summary>
    private static async Task<(string Hash, string ThumbnailKey, string? Problem)> ShownAsync(TestLibrary library)
    {
        await using var db = library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Type == MediaType.Raw);
        Assert.Equal(file.ThumbnailKey, file.Photo!.ThumbnailHash);
        return (file.Hash!, file.Photo.ThumbnailHash!, file.Error);
    }

    [Fact]
    public void EveryConverter_HasThumbnailKeysOfItsOwn()
    {
        var temporary = new TemporaryFiles(Path.GetTempPath());
        var hash = new string('a', 32);
        var sources = RawConverter.Configured("darktable-cli", temporary).Select(c => c.Name).Append(RawPreviewRenderer.SmallPreview).ToList();
        Assert.Equal(sources.Order(), ThumbnailKeys.RenderingSources.Order());
        var keys = sources.Select(s => ThumbnailKeys.Rendering(hash, s)).Append(ThumbnailKeys.Content(hash)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, key => Assert.True(ContentHasher.IsValidHash(key) && ThumbnailKeys.IsCurrent(hash, key), key));
        // A sidecar's turn is made from the original by the stack builder, not kept by the file's own analysis.
        Assert.False(ThumbnailKeys.IsCurrent(hash, ThumbnailKeys.Oriented(hash, 6)));
        Assert.False(ThumbnailKeys.IsCurrent(new string('b', 32), ThumbnailKeys.Rendering(hash, "dcraw_emu")));
    }

    [Fact]
    public async Task ARawWithoutAPreview_IsTriedAgainOnceAConverterIsConfigured_AndOnlyThen()
    {
        var folder = Directory.CreateTempSubdirectory("pixhaven-later-converter-").FullName;
        try
        {
            var originals = Path.Combine(folder, "originals");
            Directory.CreateDirectory(Path.Combine(originals, "raw"));
            foreach (var raw in new[] { GoPro, Kodak })
            {
                File.Copy(TestPhotos.PathOf(raw), Path.Combine(originals, raw));
            }

            string[] paths = ["--originals", originals, "--storage", Path.Combine(folder, "storage")];
            var first = await CliRunner.RunAsync(folder, null, ["index", .. paths]);
            Assert.Contains("GOPR8513.GPR: RAW (gpr) has no embedded preview, and dcraw_emu (LibRaw) does not read this RAW format", Words(first.Output), StringComparison.Ordinal);

            // Unchanged files are not read again, except the RAW that a converter configured since may render.
            var withDarktable = await CliRunner.RunAsync(folder, null, ["index", .. paths, "--darktable-cli", "darktable-cli"]);
            Assert.Contains("2 files found, 1 indexed, 1 unchanged", Words(withDarktable.Output), StringComparison.Ordinal);
            Assert.DoesNotContain("GOPR8513", withDarktable.Output, StringComparison.Ordinal);

            var again = await CliRunner.RunAsync(folder, null, ["index", .. paths, "--darktable-cli", "darktable-cli"]);
            Assert.Contains("2 files found, 0 indexed, 2 unchanged", Words(again.Output), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AConverterThatHangs_IsStoppedAtTheTimeout_AndTheNextOneIsTried()
    {
        // A stand-in for a darktable-cli that never finishes (a damaged file can make a converter loop): the timeout is
        // what is tested, and no real converter hangs on request.
        var folder = Directory.CreateTempSubdirectory("pixhaven-hang-").FullName;
        var marker = $"{Random.Shared.Next(100_000, 999_999)}.5";
        var program = Path.Combine(folder, "darktable-cli");
        await File.WriteAllTextAsync(program, $"#!/bin/sh\nsleep {marker}\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            await using var library = await TestLibrary.CreateAsync([GoPro, Kodak],
                new Dictionary<string, string> { ["darktable-cli"] = program, ["raw-convert-timeout"] = "1" });
            await library.IndexAsync();

            await using var db = library.OpenCatalog();
            var files = await db.Files.Include(f => f.Photo).ToDictionaryAsync(f => f.Path);
            Assert.Equal("RAW (gpr) has no embedded preview, and darktable-cli did not finish within 1 s (raw-convert-timeout) and was stopped; "
                         + "dcraw_emu (LibRaw) does not read this RAW format", files[GoPro].Error);
            Assert.Equal((FileStatus.Indexed, (string?)null), (files[Kodak].Status, files[Kodak].Error));
            Assert.NotNull(files[Kodak].Photo!.ThumbnailHash);

            // The whole process tree was stopped, the sleep the script started included.
            Assert.DoesNotContain(Directory.EnumerateDirectories("/proc").Select(CommandLine), line => line.Contains(marker, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StatusAndIndex_SayWhichConvertersAreUsed_AndWhyOneIsNot()
    {
        var folder = Directory.CreateTempSubdirectory("pixhaven-status-").FullName;
        try
        {
            // No server on this port: status says so, exits 1, and still lists this machine's converters.
            var unused = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            unused.Start();
            var port = ((System.Net.IPEndPoint)unused.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            unused.Stop();

            var configured = await CliRunner.RunAsync(folder, null, "status", "--port", port, "--darktable-cli", "darktable-cli");
            Assert.Equal(1, configured.ExitCode);
            Assert.Contains("Server not reachable", configured.Output, StringComparison.Ordinal);
            Assert.Contains("found darktable-cli RAW files, tried before dcraw_emu", Words(configured.Output), StringComparison.Ordinal);
            Assert.Contains("found dcraw_emu RAW files without a large embedded preview", Words(configured.Output), StringComparison.Ordinal);

            var missing = await CliRunner.RunAsync(folder, null, "status", "--port", port, "--darktable-cli", "/nowhere/darktable-cli");
            Assert.Contains("not used darktable-cli configured as '/nowhere/darktable-cli', but not found", Words(missing.Output), StringComparison.Ordinal);
            var index = await CliRunner.RunAsync(folder, null, "index", "--originals", folder, "--storage", Path.Combine(folder, ".storage"), "--darktable-cli", "/nowhere/darktable-cli");
            Assert.Contains("darktable-cli is configured as '/nowhere/darktable-cli' but not found: RAW files are rendered without it", Words(index.Output), StringComparison.Ordinal);
            var off = await CliRunner.RunAsync(folder, null, "status", "--port", port);
            // darktable is installed here (the other tests use it): status says how to use it.
            Assert.Contains("not used darktable-cli installed here, but not configured: set the option darktable-cli to darktable-cli to use it",
                Words(off.Output), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The words of an output, however the console wrapped and padded its table.</summary>
    private static string Words(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(p => Path.GetRelativePath(folder, p), p => File.Exists(p) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "folder");

    private static string CommandLine(string processFolder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processFolder, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
