using System.Text;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Tests.Media;

public sealed class GoogleTakeoutMetadataTests
{
    [Fact]
    public void APhotosMetadata_GivesItsInstant_Position_Caption_AndFavourite()
    {
        var json = TakeoutDocuments.Of("IMG_0001.JPG", new DateTime(2019, 7, 15, 9, 3, 30), 48.8584, 2.2945, "Tour Eiffel", favorited: true);
        var metadata = GoogleTakeoutMetadata.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal((new DateTime(2019, 7, 15, 9, 3, 30), TimeSpan.Zero, true, true), (metadata.TakenAt, metadata.TakenAtOffset, metadata.TakenAtIsUtc, metadata.TakenAtIsTrueUtc));
        Assert.Equal((48.8584, 2.2945, 35.5), (metadata.Latitude, metadata.Longitude, metadata.Altitude));
        Assert.Equal(("Tour Eiffel", null, true), (metadata.Description, metadata.Title, metadata.Favorite)); // the title is the file's name
        Assert.Empty(metadata.Warnings);
    }

    [Fact]
    public void ThePeopleNamedInGooglePhotos_AreFacesWithoutABox()
    {
        var json = TakeoutDocuments.Of("IMG_0001.JPG", new DateTime(2019, 7, 15), people: ["Alice", " Bob ", "alice", ""]);
        var faces = GoogleTakeoutMetadata.Read(Encoding.UTF8.GetBytes(json)).Faces;
        Assert.Equal(["Alice", "Bob"], faces.Select(f => f.Name));
        Assert.All(faces, f => Assert.True(f.IsWholePicture));
    }

    [Fact]
    public void ZerosAreNoPosition_AndAnEmptyCaptionNone()
    {
        var metadata = GoogleTakeoutMetadata.Read(Encoding.UTF8.GetBytes(TakeoutDocuments.Of("VID_0001.mp4", new DateTime(2020, 1, 5, 15, 0, 0))));
        Assert.Equal((null, null, null, false), (metadata.Latitude, metadata.Description, metadata.Title, metadata.Favorite));
        Assert.NotNull(metadata.TakenAt);
    }

    [Fact]
    public void AnAlbumsMetadata_IsRecognised_AndGivesNoPhotoValues()
    {
        var bytes = Encoding.UTF8.GetBytes(TakeoutDocuments.Album);
        Assert.Equal((MediaType.Sidecar, "json"), (MediaTypeDetector.Detect(bytes, "metadata.json").Type, MediaTypeDetector.Detect(bytes, "metadata.json").Format));
        var metadata = GoogleTakeoutMetadata.Read(bytes);
        Assert.Equal((null, null, false), (metadata.TakenAt, metadata.Latitude, metadata.TakenAtIsUtc));
        Assert.Equal(("Summer in Paris", null), GoogleTakeoutMetadata.ReadAlbum(bytes));

        // A photo's metadata is no album's, even without its time.
        Assert.Null(GoogleTakeoutMetadata.ReadAlbum(Encoding.UTF8.GetBytes(TakeoutDocuments.Of("IMG_0001.JPG", new DateTime(2019, 7, 15)))));
        Assert.Null(GoogleTakeoutMetadata.ReadAlbum(Encoding.UTF8.GetBytes("{\"title\": \"IMG_0001.JPG\", \"imageViews\": \"3\"}")));
        Assert.Null(GoogleTakeoutMetadata.ReadAlbum(Encoding.UTF8.GetBytes("{\"title\": \"  \"}")));
    }

    [Theory]
    [InlineData("{\"name\": \"settings\", \"title\": \"x\"}")] // "title" is not the first key
    [InlineData("[{\"title\": \"x\"}]")]
    [InlineData("title: x")]
    public void OtherJson_IsNotTakeoutMetadata(string text) =>
        Assert.Equal(MediaType.Unknown, MediaTypeDetector.Detect(Encoding.UTF8.GetBytes(text), "x.json").Type);

    [Fact]
    public void TakeoutMetadata_IsDetectedByContent_WithAByteOrderMark_WhateverItsName()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(TakeoutDocuments.Of("IMG_0001.JPG", new DateTime(2019, 7, 15)))];
        Assert.Equal((MediaType.Sidecar, "json"), (MediaTypeDetector.Detect(bytes, "IMG_0001.JPG.suppl.json").Type, MediaTypeDetector.Detect(bytes, "x").Format));
        Assert.NotNull(GoogleTakeoutMetadata.Read(bytes).TakenAt);
    }

    [Theory]
    [InlineData("{\"title\": \"x\", \"photoTakenTime\": {\"timestamp\": \"0\"}}")]
    [InlineData("{\"title\": \"x\", \"photoTakenTime\": {\"timestamp\": \"-5\"}}")]
    [InlineData("{\"title\": \"x\", \"photoTakenTime\": {\"timestamp\": \"99999999999999\"}}")]
    [InlineData("{\"title\": \"x\", \"photoTakenTime\": \"1563189600\", \"geoData\": {\"latitude\": 95, \"longitude\": 2}}")]
    public void NoInstantOrAnImpossibleOne_IsNoTime_NorAPosition(string json)
    {
        var metadata = GoogleTakeoutMetadata.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal((null, null), (metadata.TakenAt, metadata.Latitude));
        Assert.Empty(metadata.Warnings);
    }

    [Fact]
    public void DamagedJson_IsAWarning()
    {
        var metadata = GoogleTakeoutMetadata.Read(Encoding.UTF8.GetBytes("{\"title\": \"IMG_0001.JPG\", \"photoTakenTime\": {\"timest"));
        Assert.Null(metadata.TakenAt);
        Assert.StartsWith("Google Takeout metadata could not be read", Assert.Single(metadata.Warnings));
    }
}
