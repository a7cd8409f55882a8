using Pixhaven.Core.Indexing;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Tests.Indexing;

/// <summary>Which renamed Live Photo videos join their still's stack, and which files are read to find out.</summary>
public class LivePhotoPairsTests
{
    private readonly List<string> _read = [];

    [Fact]
    public async Task ARenamedMotion_JoinsTheStillWithItsIdentifier_InItsOwnFolder()
    {
        var files = await JoinAsync(new()
        {
            ["a/IMG_3589.HEIC"] = "ID-1",
            ["a/IMG_3589 (1).mov"] = "ID-1",
            ["a/IMG_0002.HEIC"] = "ID-2",
            ["b/IMG_9999.MOV"] = "ID-2", // another folder: not the still's
            ["b/IMG_0003.JPG"] = "ID-3",
        });

        Assert.Equal(StackKey.For("a/IMG_3589.HEIC").Key, files.Single(f => f.RelativePath == "a/IMG_3589 (1).mov").JoinsStack);
        Assert.Null(files.Single(f => f.RelativePath == "b/IMG_9999.MOV").JoinsStack);
        Assert.Equal(1, files.Count(f => f.JoinsStack is not null));
        Assert.Equal(".mov", ImportNames.MemberSuffix("IMG_3589 (1).mov", "IMG_3589", joined: true));
    }

    [Fact]
    public async Task PairsByName_AndVideosWithoutAnIdentifier_AreLeftAsTheyAre_WithoutReadingStills()
    {
        var files = await JoinAsync(new()
        {
            ["IMG_0001.HEIC"] = "ID-1",
            ["IMG_0001.MOV"] = "ID-1", // already a pair by name: not read at all
            ["IMG_0002.HEIC"] = "ID-2",
            ["MVI_0003.MOV"] = null,   // a camera's clip
        });

        Assert.All(files, f => Assert.Null(f.JoinsStack));
        Assert.Equal(["MVI_0003.MOV"], _read);
    }

    private async Task<IReadOnlyList<ScannedFile>> JoinAsync(Dictionary<string, string?> identifiers)
    {
        var files = identifiers.Keys.Select(path => new ScannedFile(path, "/import/" + path, 1000, DateTime.UnixEpoch)).ToList();
        return await LivePhotoPairs.JoinAsync(files, file =>
        {
            _read.Add(file.RelativePath);
            return Task.FromResult(identifiers[file.RelativePath]);
        });
    }
}
