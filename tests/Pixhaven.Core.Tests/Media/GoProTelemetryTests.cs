using Pixhaven.Core.Media.Video;
using static Pixhaven.Core.Tests.Media.GoProPayloads;

namespace Pixhaven.Core.Tests.Media;

public sealed class GoProTelemetryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-gopro-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AHero7Clip_GivesItsFirstFix_AndWhenTheClipStarted_ByTheGpsClock()
    {
        // The first second has no fix yet (and no samples); the second payload, 1.001 s into the clip, has one.
        var telemetry = Read(Mp4(
            Hero7("HERO7 Black", fix: 0, "210714100004.000", precision: 9999),
            Hero7("HERO7 Black", fix: 3, "210714100005.500", precision: 150, (48.8584, 2.2945, 35.1), (48.8585, 2.2946, 35.2))));

        Assert.Equal((48.8584, 2.2945), (telemetry.Latitude!.Value, telemetry.Longitude!.Value));
        Assert.Equal(35.1, telemetry.Altitude!.Value, 3);
        Assert.Equal(new DateTime(2021, 7, 14, 10, 0, 4, 499, DateTimeKind.Utc), telemetry.StartUtc);
        Assert.Equal("HERO7 Black", telemetry.Camera);
    }

    [Fact]
    public void APoorFix_GivesWayToAGoodOne_AndIsKeptWhenThereIsNoBetter()
    {
        var poor = Hero7("Camera", fix: 2, "230301080000.000", precision: 900, (10.5, 20.5, 0));
        var good = Hero7("Camera", fix: 3, "230301080001.000", precision: 200, (48.8584, 2.2945, 35));

        var improved = Read(Mp4(poor, good));
        Assert.Equal((48.8584, 2.2945), (improved.Latitude, improved.Longitude));
        Assert.Equal(new DateTime(2023, 3, 1, 7, 59, 59, 999, DateTimeKind.Utc), improved.StartUtc);

        var onlyPoor = Read(Mp4(poor));
        Assert.Equal((10.5, 20.5), (onlyPoor.Latitude, onlyPoor.Longitude));
        Assert.Null(onlyPoor.Camera); // "Camera" names no model
    }

    [Fact]
    public void ACameraThatCallsItselfCamera_IsNamedByItsGlobalSettings()
    {
        // HERO6 and HERO7 write "Camera" (or "Hero6 Black") in the telemetry; the user data names the model.
        var clip = Mp4WithSettings(GlobalSettings("HERO7 Black"), Hero7("Camera", fix: 3, "230301080000.000", precision: 200, (48.8584, 2.2945, 35)));
        Assert.Equal("HERO7 Black", Read(clip).Camera);

        var settingsWithoutModel = Mp4WithSettings(Nest("DEVC", Int32s("DVID", 'L', 1), Text("DVNM", "Global Settings")), Hero7("Camera", fix: 0, "000000000000.000", precision: 9999));
        Assert.Null(Read(settingsWithoutModel).Camera); // the settings device's own name is not a model
    }

    [Fact]
    public void ASensorPairedWithTheCamera_DoesNotNameIt()
    {
        byte[] payload = [.. Hero7("Camera", fix: 3, "230301080000.000", precision: 200, (48.8584, 2.2945, 35)),
            .. Nest("DEVC", Int32s("DVID", 'L', 2), Text("DVNM", "Heart rate sensor"))];
        Assert.Null(Read(Mp4(payload)).Camera);
    }

    [Fact]
    public void AHero13Clip_GivesItsFixFromGps9_WithItsOwnTime()
    {
        var utc = new DateTime(2024, 11, 2, 15, 30, 12, 250);
        var telemetry = Read(Mp4(Hero13(-33.8568, 151.2153, 5, utc, dop: 1.2, fix: 3)));

        Assert.Equal((-33.8568, 151.2153), (telemetry.Latitude!.Value, telemetry.Longitude!.Value));
        Assert.Equal(DateTime.SpecifyKind(utc, DateTimeKind.Utc), telemetry.StartUtc);
        Assert.Equal("HERO13 Black", telemetry.Camera);
    }

    [Fact]
    public void WithoutAFix_TheClipHasNeitherPlaceNorGpsTime()
    {
        var telemetry = Read(Mp4(Hero7("HERO8 Black", fix: 0, "000000000000.000", precision: 9999, (0, 0, 0))));
        Assert.Equal(("HERO8 Black", null, null, null), (telemetry.Camera, telemetry.Latitude, telemetry.Longitude, telemetry.StartUtc));

        var hero13WithoutFix = Read(Mp4(Hero13(48.8584, 2.2945, 35, new DateTime(2024, 1, 1), dop: 99.99, fix: 0)));
        Assert.Null(hero13WithoutFix.Latitude);
    }

    [Fact]
    public void AFileWithoutATelemetryTrack_OrWithItsTablesCutOff_HasNone()
    {
        var clip = Mp4(Hero7("HERO7 Black", fix: 3, "210714100005.000", precision: 150, (48.8584, 2.2945, 35)));
        Assert.Null(GoProTelemetry.Read(Write(clip.AsSpan(0, clip.Length - 20).ToArray())));
        Assert.Null(GoProTelemetry.Read(Write([.. clip.AsSpan(0, 20)])));
        Assert.Null(GoProTelemetry.Read(Write(File.ReadAllBytes(Path.Combine(Fuzzing.FuzzTests.PhotosFolder(), "jpeg", "Canon_EOS_7D.jpg")))));

        var otherTrack = (byte[])clip.Clone();
        var format = clip.AsSpan().IndexOf("gpmd"u8);
        "avc1"u8.CopyTo(otherTrack.AsSpan(format));
        Assert.Null(GoProTelemetry.Read(Write(otherTrack)));
    }

    [Fact]
    public void APayloadThatDoesNotFitTheFile_IsNotRead()
    {
        // The sample table points past the end of the file: the track reader stops there.
        var clip = Mp4(Hero7("HERO7 Black", fix: 3, "210714100005.000", precision: 150, (48.8584, 2.2945, 35)));
        var stco = clip.AsSpan().IndexOf("stco"u8);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(clip.AsSpan(stco + 12), clip.Length - 4);
        var telemetry = GoProTelemetry.Read(Write(clip));
        Assert.Null(telemetry);
    }

    private GoProTelemetry Read(byte[] clip) => GoProTelemetry.Read(Write(clip)) ?? throw new Xunit.Sdk.XunitException("no telemetry track found");

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder, $"GX{Guid.NewGuid():N}.MP4");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
