using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Tests.Fuzzing;

namespace Pixhaven.Core.Tests.Media;

/// <summary>What cameras write as a description by default is no description; what people write stays.</summary>
public sealed class CameraBoilerplateTests
{
    private static readonly EmbeddedMetadataReader Reader = new();

    [Theory]
    [InlineData("jpeg/Epson_PhotoPC_3100Z_EPSN0011.JPG")] // "EPSON DSC picture"
    [InlineData("jpeg/Sanyo_SR662.jpg")] // "SANYO DIGITAL CAMERA"
    [InlineData("jpeg/HP_C200_DSC00001.JPG")] // "DSC00001", the camera's name for the file
    [InlineData("jpeg/Konica_Q-M100.jpg")] // "DSC00019"
    [InlineData("raw/Kodak_DC50_DC0010S.KDC")] // "DC0010S"
    [InlineData("raw/GoPro_HERO7_GOPR8513.GPR")] // "C:\DCIM\100GOPRO\GOPR8513.GPR"
    public void ACamerasDefaultText_IsNoDescription(string relative) =>
        Assert.Null(Reader.Read(Path.Combine(FuzzTests.PhotosFolder(), relative)).Description);

    [Theory]
    [InlineData("jpeg/Nikon_D1X.jpg", "Workshop showing workbench and storage")]
    [InlineData("jpeg/Canon_EOS_7D.jpg", "mit blauem Kleid")]
    public void APersonsDescription_Stays(string relative, string description) =>
        Assert.Equal(description, Reader.Read(Path.Combine(FuzzTests.PhotosFolder(), relative)).Description);

    [Theory]
    [InlineData("OLYMPUS DIGITAL CAMERA", true)]
    [InlineData("KONICA MINOLTA DIGITAL CAMERA", true)]
    [InlineData("KODAK DIGITAL STILL CAMERA", true)]
    [InlineData("SONY DSC", true)]
    [InlineData("SAMSUNG CAMERA PICTURES", true)]
    [InlineData("IMG_0042", true)]
    [InlineData("/DCIM/100CANON/IMG_0042.JPG", true)]
    [InlineData("A380", false)] // a caption: too few digits for a camera's file name
    [InlineData("Our new digital camera", false)]
    [InlineData("DSC of the harbour at dawn", false)]
    public void TellsDefaultsFromCaptions(string text, bool boilerplate) => Assert.Equal(boilerplate, CameraBoilerplate.Is(text));
}
