using Pixhaven.Core.Media.Previews;

namespace Pixhaven.Core.Tests.Media;

/// <summary>What a converter's failure says in the problem list.</summary>
public sealed class ExternalToolTests
{
    [Fact]
    public async Task ATool_KilledByASignal_IsSaidToHaveCrashed()
    {
        // As heif-convert does on some cut HEIFs: a segmentation fault, without a word on stderr.
        var (exitCode, errors) = await ExternalTool.RunAsync("/bin/sh", ["-c", "kill -SEGV $$"], TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.Equal("crashed on this file (SIGSEGV)", ExternalTool.Reason(errors, exitCode));
    }

    [Fact]
    public void AToolsLastLine_IsTheReason_WithoutThePathsItNames()
    {
        Assert.Equal("Invalid data found when processing input", ExternalTool.Reason("/photos/a.mov: Invalid data found when processing input\n", 1, "/photos/a.mov"));
        Assert.Equal("could not open a.cr2 for reading", ExternalTool.Reason("could not open /photos/a.cr2 for reading", 1, "/photos/a.cr2"));
        Assert.Equal("exit code 3", ExternalTool.Reason("", 3));
        Assert.Equal("crashed on this file (SIGABRT) after: Assertion failed", ExternalTool.Reason("Assertion failed\n", 134));
    }
}
