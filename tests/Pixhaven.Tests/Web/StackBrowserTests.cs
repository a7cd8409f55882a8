using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>
/// A stack in the viewer: the JPEG is shown, and the info panel lists every file behind the photo (the RAW, the sidecar,
/// a copy in another folder), each with what it is and a download of its own, so the RAW stays one click away.
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class StackBrowserTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task InfoPanel_ListsEveryFileOfAStack_AndTheRawDownloadsAsItIs()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        Directory.CreateDirectory(library.OriginalPath("copy"));
        File.Copy(TestPhotos.PathOf("jpeg/Nikon_D90_DSC_0003.JPG"), library.OriginalPath("DSC_0003.JPG"));
        File.Copy(TestPhotos.PathOf("raw/exiftool_Nikon_D70.nef"), library.OriginalPath("DSC_0003.NEF"));
        File.Copy(TestPhotos.PathOf("sidecar/IMG_5910.xmp"), library.OriginalPath("DSC_0003.xmp"));
        File.Copy(TestPhotos.PathOf("jpeg/Nikon_D90_DSC_0003.JPG"), library.OriginalPath("copy/DSC_0003.JPG"));
        await library.IndexAsync();
        var (server, page) = await OpenOwnLibraryAsync(library);
        await using var _ = server;

        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        var files = page.GetByTestId("info-files").Locator("li");
        await files.Nth(3).WaitForAsync();
        var listed = await files.AllInnerTextsAsync();
        await Screenshot(page, "stack-files");
        Assert.Equal(4, listed.Count);
        Assert.Matches(@"^DSC_0003\.JPG\nJPEG · \d+ × \d+ · [\d.]+ [KM]B\nDownload$", listed[0]);
        Assert.Matches(@"^DSC_0003\.NEF\nRAW \(NEF\) · .*[\d.]+ [KM]B\n", listed[1]);
        Assert.Matches(@"^DSC_0003\.xmp\nSidecar \(XMP\) · [\d.]+ [KM]?B\nDownload$", listed[2]);
        Assert.Matches(@"^copy/DSC_0003\.JPG\nIdentical copy · 4288 × 2848 · [\d.]+ KB$", listed[3]); // the same bytes: no link of its own
        // "NIKON CORPORATION" and "NIKON D90" in the files; the sidecar's title is its description too, shown once.
        Assert.Equal("Nikon D90", await page.GetByTestId("info-camera").InnerTextAsync());
        var panel = await page.GetByTestId("info-panel").InnerTextAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(panel, "Squirrel at berkely"));

        // The RAW's own link gives the RAW, byte for byte, under its name.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download DSC_0003.NEF" });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("DSC_0003.NEF", download.SuggestedFilename);
        var saved = Path.Combine(library.Root, "downloaded.nef");
        await download.SaveAsAsync(saved);
        Assert.Equal(await File.ReadAllBytesAsync(library.OriginalPath("DSC_0003.NEF")), await File.ReadAllBytesAsync(saved));
    }
}
