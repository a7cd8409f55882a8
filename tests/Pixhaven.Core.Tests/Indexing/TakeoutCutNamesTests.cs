using Pixhaven.Core.Indexing;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Tests.Indexing;

public class TakeoutCutNamesTests
{
    private const string Folder = "Takeout/Google Photos/Photos from 2022/";

    [Fact]
    public void AJsonWhoseNameWasCut_JoinsThePhotoItsNameBegins_WithThePhotosEdit()
    {
        var files = Join(
            "Screenshot_2022-10-28-09-31-43-118_com.snapchat.android.jpg",
            "Screenshot_2022-10-28-09-31-43-118_com.snapchat.android-edited.jpg",
            "Screenshot_2022-10-28-09-31-43-118_com.snapcha.json",
            "IMG_0001.jpg",
            "IMG_0001.jpg.json");

        Assert.Equal(Folder + "screenshot_2022-10-28-09-31-43-118_com.snapchat.android", StackKey.For(files[2]).Key);
        Assert.Equal(StackKey.For(files[0]), StackKey.For(files[2]));
        Assert.All(files.Where(f => f != files[2]), f => Assert.Null(f.JoinsStack)); // their names say where they go
    }

    [Fact]
    public void ACutJson_StaysApart_WhenItsNameBeginsTwoPhotosNames_OrNone()
    {
        // Two screenshots a second apart share the first 46 characters: the JSON could be either's.
        var twoPhotos = Join(
            "Screenshot_2022-10-28-09-31-43-118_com.snapchat.android.jpg",
            "Screenshot_2022-10-28-09-31-43-118_com.snapchat.androidx.jpg",
            "Screenshot_2022-10-28-09-31-43-118_com.snapcha.json");
        Assert.Null(twoPhotos[2].JoinsStack);

        var photoElsewhere = Join("Screenshot_2022-10-28-09-31-43-118_com.snapcha.json");
        Assert.Null(photoElsewhere[0].JoinsStack);

        // Shorter than Google's limit: the name was not cut, and a name it begins is another photo's.
        var notCut = Join("IMG_0001.jpg", "IMG_0001 holiday.jpg", "IMG_0001.json");
        Assert.Null(notCut[2].JoinsStack);
    }

    [Fact]
    public void APhotoInAnotherFolder_IsNotACutJsonsPhoto()
    {
        var files = TakeoutCutNames.Join([
            Scanned(Folder + "Screenshot_2022-10-28-09-31-43-118_com.snapcha.json"),
            Scanned("Takeout/Google Photos/Trip/Screenshot_2022-10-28-09-31-43-118_com.snapchat.android.jpg")]);
        Assert.Null(files[0].JoinsStack);
    }

    private static IReadOnlyList<ScannedFile> Join(params string[] names) => TakeoutCutNames.Join(names.Select(n => Scanned(Folder + n)).ToList());

    private static ScannedFile Scanned(string path) => new(path, "/library/" + path, 1000, new DateTime(2022, 10, 28));
}
