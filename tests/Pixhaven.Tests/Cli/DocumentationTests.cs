using Pixhaven.Core.Options;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Cli;

/// <summary>Every option the program accepts is documented where users look for it.</summary>
public class DocumentationTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/configuration.md")]
    public void EveryOption_IsInTheConfigurationTable(string document)
    {
        var text = File.ReadAllText(Path.Combine(TestPhotos.RepositoryRoot, document));
        foreach (var option in OptionDefinitions.All)
        {
            Assert.Contains($"| {option.Name} | `{option.Flag}` | `{option.EnvironmentVariable}` | `{option.Read(new PixhavenOptions())}` |",
                text.Replace("| (empty) |", "| `` |", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
