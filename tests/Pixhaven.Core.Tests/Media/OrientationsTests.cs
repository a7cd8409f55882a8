using NetVips;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Metadata;

namespace Pixhaven.Core.Tests.Media;

/// <summary>A user's quarter turns on top of EXIF orientations, checked against what libvips shows for each orientation.</summary>
public sealed class OrientationsTests
{
    /// <summary>Six distinct pixels, 3 wide and 2 high, so every turn and mirror gives a different array.</summary>
    private static Image Picture() => Image.NewFromArray(new[,] { { 10, 20, 30 }, { 40, 50, 60 } }).Cast(Enums.BandFormat.Uchar);

    /// <summary>The picture an orientation shows, as its size and pixels.</summary>
    private static string Shown(Image stored, int orientation)
    {
        using var tagged = stored.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        using var upright = tagged.Autorot();
        return Describe(upright);
    }

    private static string Describe(Image image) => $"{image.Width}x{image.Height}: {string.Join(' ', image.WriteToMemory<byte>())}";

    private static (double, double, double, double) Box(FaceRegion face) =>
        (Math.Round(face.X, 4), Math.Round(face.Y, 4), Math.Round(face.Width, 4), Math.Round(face.Height, 4));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Turn_ShowsThePictureOfTheOrientationTurnedClockwise(int orientation)
    {
        using var stored = Picture();
        using var tagged = stored.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        using var shown = tagged.Autorot();
        using var clockwise = shown.Rot90();
        using var half = shown.Rot180();
        using var counter = shown.Rot270();

        Assert.Equal(Describe(clockwise), Shown(stored, Orientations.Turn(orientation, 90)));
        Assert.Equal(Describe(half), Shown(stored, Orientations.Turn(orientation, 180)));
        Assert.Equal(Describe(counter), Shown(stored, Orientations.Turn(orientation, -90)));
        Assert.Equal(orientation, Orientations.Turn(orientation, 360));
        Assert.Equal(Orientations.IsSideways(orientation), !Orientations.IsSideways(Orientations.Turn(orientation, 270)));
    }

    [Fact]
    public void Clockwise_KeepsQuarterTurnsWithinAFullTurn_AndRefusesOthers()
    {
        Assert.Equal(270, Orientations.Clockwise(-90));
        Assert.Equal(90, Orientations.Clockwise(450));
        Assert.Equal(0, Orientations.Clockwise(-360));
        Assert.Throws<ArgumentOutOfRangeException>(() => Orientations.Clockwise(45));
    }

    [Fact]
    public void AFaceBox_TurnsWithThePicture()
    {
        // On a 10x6 picture, a box 3 wide and 1 high at (1, 2); turned clockwise the picture is 6x10, and the box is
        // 1 wide and 3 high at (6 - 2 - 1, 1).
        var face = new FaceRegion("Ada", 0.1, 2 / 6.0, 0.3, 1 / 6.0);
        var turned = face.Turned(90);
        Assert.Equal((0.5, 0.1, 0.1667, 0.3), Box(turned));
        Assert.Equal("Ada", turned.Name);
        Assert.Equal((0.6, 0.5, 0.3, 0.1667), Box(face.Turned(180)));
        Assert.Equal((0.3333, 0.6, 0.1667, 0.3), Box(face.Turned(270)));
        Assert.Equal(Box(face), Box(turned.Turned(-90)));
        Assert.Equal(face, face.Turned(360));
    }
}
