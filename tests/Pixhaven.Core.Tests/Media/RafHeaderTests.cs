using System.Buffers.Binary;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Tests.Fuzzing;

namespace Pixhaven.Core.Tests.Media;

/// <summary>The size of a Fujifilm RAF comes from its own header when that has the picture's shape.</summary>
public sealed class RafHeaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pixhaven-raf-{Guid.NewGuid():N}.raf");

    public void Dispose() => File.Delete(_path);

    private static byte[] S5Pro() => File.ReadAllBytes(Path.Combine(FuzzTests.PhotosFolder(), "raw", "exiftool_Fujifilm_S5Pro.raf"));

    [Fact]
    public void SuperCcdLayout_KeepsThePreviewsSize()
    {
        File.WriteAllBytes(_path, S5Pro());
        Assert.Equal((4256, 1424), RafHeader.Size(_path));
        var metadata = new EmbeddedMetadataReader().Read(_path);
        Assert.Equal((1440, 960), (metadata.Width, metadata.Height));
    }

    [Fact]
    public void CroppedSizeOfThePreviewsShape_IsThePhotosSize()
    {
        // The same file with the cropped size of a 3:2 sensor, as X-series cameras write it: height, then width.
        var bytes = S5Pro();
        var directory = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(0x5C));
        var position = directory + 4;
        while (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(position)) != 0x111)
        {
            position += 4 + BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(position + 2));
        }

        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(position + 4), 4160);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(position + 6), 6240);
        File.WriteAllBytes(_path, bytes);

        var metadata = new EmbeddedMetadataReader().Read(_path);
        Assert.Equal((6240, 4160), (metadata.Width, metadata.Height));
        Assert.Equal("FUJIFILM", metadata.Make);
    }
}
