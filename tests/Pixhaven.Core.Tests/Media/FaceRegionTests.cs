using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Tests.Fuzzing;

namespace Pixhaven.Core.Tests.Media;

/// <summary>Faces that photo managers mark in XMP, read from sidecars and embedded XMP.</summary>
public sealed class FaceRegionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pixhaven-faces-{Guid.NewGuid():N}.xmp");

    public void Dispose() => File.Delete(_path);

    private static string Corpus(string relative) => Path.Combine(FuzzTests.PhotosFolder(), relative);

    private IReadOnlyList<FaceRegion> ReadSidecar(string descriptionBody, string namespaces = "")
    {
        File.WriteAllText(_path, $"""
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about=""
                  xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
                  xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
                  xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#" {namespaces}>
                  {descriptionBody}
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            """);
        var metadata = SidecarReader.Read(_path);
        Assert.Empty(metadata.Warnings);
        return metadata.Faces;
    }

    private static string MwgRegions(string applied, params string[] items) => $"""
        <mwg-rs:Regions rdf:parseType="Resource">
          {applied}
          <mwg-rs:RegionList><rdf:Bag>{string.Concat(items.Select(i => $"<rdf:li>{i}</rdf:li>"))}</rdf:Bag></mwg-rs:RegionList>
        </mwg-rs:Regions>
        """;

    private static string MwgFace(string? name, string x, string y, string w, string h, string type = "Face", string unit = "normalized") =>
        $"""<rdf:Description {(name is null ? "" : $"mwg-rs:Name=\"{name}\"")} mwg-rs:Type="{type}"><mwg-rs:Area stArea:x="{x}" stArea:y="{y}" stArea:w="{w}" stArea:h="{h}" stArea:unit="{unit}"/></rdf:Description>""";

    [Theory]
    [InlineData("sidecar/IMG_5910.xmp")]
    [InlineData("sidecar/IMG_5910.jpg")]
    public void LightroomRegion_IsANamedFace_ByItsTopLeftCorner(string file)
    {
        // exiftool: RegionAreaX 0.57214, Y 0.42297, W 0.21731, H 0.28108 (the centre), RegionName "Alvin the Squirrel".
        var reader = new EmbeddedMetadataReader();
        var metadata = file.EndsWith(".xmp", StringComparison.Ordinal) ? SidecarReader.Read(Corpus(file)) : reader.Read(Corpus(file));
        var face = Assert.Single(metadata.Faces);
        Assert.Equal(new FaceRegion("Alvin the Squirrel", 0.4635, 0.2824, 0.2173, 0.2811), face);
    }

    [Fact]
    public void FacesWithoutNames_AreKept_OtherRegionTypesAreNot()
    {
        var faces = ReadSidecar(MwgRegions("",
            MwgFace(null, "0.5", "0.5", "0.2", "0.2"),
            MwgFace("Rex", "0.2", "0.2", "0.1", "0.1", type: "Pet"),
            MwgFace("Focus", "0.5", "0.5", "0.1", "0.1", type: "Focus")));
        Assert.Equal([new FaceRegion(null, 0.4, 0.4, 0.2, 0.2)], faces);
    }

    [Fact]
    public void PixelAreas_AreScaledByTheAppliedDimensions()
    {
        var faces = ReadSidecar(MwgRegions("""<mwg-rs:AppliedToDimensions stDim:w="2000" stDim:h="1000" stDim:unit="pixel"/>""",
            MwgFace("Ada", "500", "250", "200", "100", unit: "pixel")));
        Assert.Equal([new FaceRegion("Ada", 0.2, 0.2, 0.1, 0.1)], faces);
    }

    [Fact]
    public void BoxesReachingOutside_AreClamped_AndUnreadableOnesSkipped()
    {
        var faces = ReadSidecar(MwgRegions("",
            MwgFace("Edge", "0.95", "0.05", "0.2", "0.2"),
            MwgFace("Broken", "abc", "0.5", "0.2", "0.2"),
            MwgFace("Flat", "0.5", "0.5", "0", "0.2"),
            MwgFace("Nowhere", "NaN", "0.5", "0.2", "0.2")));
        Assert.Equal([new FaceRegion("Edge", 0.85, 0, 0.15, 0.15)], faces);
    }

    [Fact]
    public void MicrosoftPhotoRegions_AreRead_ByTheirTopLeftCorner()
    {
        var faces = ReadSidecar("""
            <MP:RegionInfo rdf:parseType="Resource">
              <MPRI:Regions><rdf:Bag>
                <rdf:li rdf:parseType="Resource"><MPReg:Rectangle>0.1, 0.2, 0.3, 0.25</MPReg:Rectangle><MPReg:PersonDisplayName>Grace Hopper</MPReg:PersonDisplayName></rdf:li>
                <rdf:li rdf:parseType="Resource"><MPReg:Rectangle>0.5, 0.5</MPReg:Rectangle><MPReg:PersonDisplayName>Half</MPReg:PersonDisplayName></rdf:li>
              </rdf:Bag></MPRI:Regions>
            </MP:RegionInfo>
            """,
            """xmlns:MP="http://ns.microsoft.com/photo/1.2/" xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#" xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#" """);
        Assert.Equal([new FaceRegion("Grace Hopper", 0.1, 0.2, 0.3, 0.25)], faces);
    }

    [Fact]
    public void CatalogText_RoundTrips_NamesWithCommasAndLineBreaks()
    {
        var regions = new[]
        {
            FaceRegion.Create("Smith, John\nJr.", 0.12345, 0.5, 0.25, 0.25)!,
            FaceRegion.Create(null, 0, 0, 1, 1)!,
        };
        Assert.Equal("Smith, John Jr.", regions[0].Name);
        Assert.Equal(regions, FaceRegion.Parse(FaceRegion.Format(regions)));
        Assert.Empty(FaceRegion.Parse("not,a,region\n0.1,0.1"));
    }
}
