using Microsoft.EntityFrameworkCore;
using NetVips;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>A photo turned in an editor that writes XMP sidecars: its thumbnails and size turn with it, and back.</summary>
public sealed class SidecarOrientationTests
{
    private const string Photo = "orientation/Landscape_1.jpg";

    private static string Sidecar(int orientation) => $"""
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="{orientation}"/>
          </rdf:RDF>
        </x:xmpmeta>
        """;

    [Fact]
    public async Task SidecarOrientation_TurnsTheThumbnailsAndTheSize_AndTurningBackRestoresThem()
    {
        await using var library = await TestLibrary.CreateAsync([Photo]);
        var sidecar = Path.ChangeExtension(library.OriginalPath(Photo), ".xmp");
        var original = await File.ReadAllBytesAsync(library.OriginalPath(Photo));
        await File.WriteAllTextAsync(sidecar, Sidecar(6));
        await library.IndexAsync();

        var store = new ThumbnailStore(library.Options.Values.ThumbnailCachePath);
        await using (var db = library.OpenCatalog())
        {
            var file = await db.Files.SingleAsync(f => f.Path == Photo);
            var photo = await db.Photos.SingleAsync(p => p.Id == file.PhotoId);
            Assert.Equal(ThumbnailKeys.Oriented(file.Hash!, 6), photo.ThumbnailHash);
            Assert.Equal((file.Height, file.Width), (photo.Width, photo.Height));

            // Orientation 6 shows the stored pixels turned a quarter clockwise.
            using var upright = Image.NewFromFile(store.PathFor(file.Hash!, ThumbnailSize.Fit720));
            using var turned = Image.NewFromFile(store.PathFor(photo.ThumbnailHash!, ThumbnailSize.Fit720));
            Assert.Equal((upright.Height, upright.Width), (turned.Width, turned.Height));
            using var clockwise = upright.Rot90();
            using var counter = upright.Rot270();
            var near = (turned - clockwise).Abs().Avg();
            var far = (turned - counter).Abs().Avg();
            Assert.True(near < 8 && far > 3 * near, $"difference to a clockwise turn {near:0.0}, to a counter-clockwise one {far:0.0}");
        }

        // Turned back in the editor: the photo shows the content's own thumbnails again.
        await File.WriteAllTextAsync(sidecar, Sidecar(1));
        File.SetLastWriteTimeUtc(sidecar, DateTime.UtcNow.AddMinutes(1));
        await library.IndexAsync();
        await using (var db = library.OpenCatalog())
        {
            var file = await db.Files.SingleAsync(f => f.Path == Photo);
            var photo = await db.Photos.SingleAsync(p => p.Id == file.PhotoId);
            Assert.Equal(file.Hash, photo.ThumbnailHash);
            Assert.Equal((file.Width, file.Height), (photo.Width, photo.Height));
        }

        Assert.Equal(original, await File.ReadAllBytesAsync(library.OriginalPath(Photo)));
    }

    [Fact]
    public async Task APhotoWithoutExif_IsTurnedByItsSidecarToo()
    {
        // A scan or an export without EXIF has no orientation tag for the turn to replace.
        await using var library = await TestLibrary.CreateAsync([]);
        using (var dark = Image.Black(300, 200))
        using (var light = dark + 230)
        using (var picture = dark.Join(light, Enums.Direction.Horizontal).Cast(Enums.BandFormat.Uchar))
        {
            picture.Jpegsave(library.OriginalPath("scan.jpg"), keep: Enums.ForeignKeep.None);
        }

        await File.WriteAllTextAsync(library.OriginalPath("scan.xmp"), Sidecar(6));
        await library.IndexAsync();

        await using var db = library.OpenCatalog();
        var file = await db.Files.SingleAsync(f => f.Path == "scan.jpg");
        var photo = await db.Photos.SingleAsync(p => p.Id == file.PhotoId);
        Assert.Equal(ThumbnailKeys.Oriented(file.Hash!, 6), photo.ThumbnailHash);
        Assert.Equal((200, 600), (photo.Width!.Value, photo.Height!.Value));
        // A quarter turn clockwise: the dark left half is on top now.
        using var turned = Image.NewFromFile(new ThumbnailStore(library.Options.Values.ThumbnailCachePath).PathFor(photo.ThumbnailHash!, ThumbnailSize.Fit720));
        Assert.True(turned.Crop(0, 0, turned.Width, 20).Avg() < 30 && turned.Crop(0, turned.Height - 20, turned.Width, 20).Avg() > 200);
    }
}
