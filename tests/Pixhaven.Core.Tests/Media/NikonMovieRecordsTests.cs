using Pixhaven.Core.Media.Metadata;
using static Pixhaven.Core.Tests.Media.NikonRecords;

namespace Pixhaven.Core.Tests.Media;

public sealed class NikonMovieRecordsTests
{
    /// <summary>The world time record: the zone in minutes (int16, big-endian), daylight saving on or off, date format.</summary>
    private static byte[] WorldTime(short minutes, byte daylightSaving) => [(byte)(minutes >> 8), (byte)minutes, daylightSaving, 0];

    [Fact]
    public void TheCamera_ItsLocalTimeAndZone_AndItsPosition_AreRead()
    {
        var metadata = NikonMovieRecords.Read(Of(
            (0x01, 2, Ascii("NIKON")), (0x02, 2, Ascii("COOLPIX AW130")), (0x13, 4, [0, 0, 1, 211, 0, 0, 0, 0]),
            (0x11, 2, Ascii("2023:07:14 18:05:10")), (0x12, 2, Ascii("2023:07:14 18:05:09")),
            // Pacific time with daylight saving on: UTC-7, in Vancouver, 12 m below the level of the sea.
            (0x02000024, 7, WorldTime(-480, 1)),
            (0x01200001, 2, Ascii("N")), (0x01200002, 5, Degrees(49, 17, 2.52)),
            (0x01200003, 2, Ascii("W")), (0x01200004, 5, Degrees(123, 7, 13.08)),
            (0x01200005, 1, [1]), (0x01200006, 5, Rational(12, 1)),
            (0x0110A434, 2, Ascii("4.3-21.5mm f/2.8-4.9"))));

        Assert.NotNull(metadata);
        Assert.Equal(("NIKON", "COOLPIX AW130", "4.3-21.5mm f/2.8-4.9"), (metadata.Make, metadata.Model, metadata.Lens));
        Assert.Equal((new DateTime(2023, 7, 14, 18, 5, 9), TimeSpan.FromHours(-7)), (metadata.TakenAt!.Value, metadata.TakenAtOffset!.Value));
        Assert.False(metadata.TakenAtIsUtc);
        Assert.Equal(49.2840333, metadata.Latitude!.Value, 6);
        Assert.Equal(-123.1203, metadata.Longitude!.Value, 6);
        Assert.Equal(-12, metadata.Altitude);
    }

    [Fact]
    public void SecondsOfZeroOverZero_AreNone_AsNikonWritesThem_AndTheCreationTimeStandsInForTheOriginal()
    {
        byte[] noSeconds = [.. Rational(48, 1), .. Rational(51, 1), .. Rational(0, 0)];
        var metadata = NikonMovieRecords.Read(Of(
            (0x11, 2, Ascii("2021:07:14 12:00:03")),
            (0x01200001, 2, Ascii("N")), (0x01200002, 5, noSeconds), (0x01200003, 2, Ascii("E")), (0x01200004, 5, Degrees(2, 17, 40.2))));

        Assert.NotNull(metadata);
        Assert.Equal((new DateTime(2021, 7, 14, 12, 0, 3), null), (metadata.TakenAt, metadata.TakenAtOffset));
        Assert.Equal(48.85, metadata.Latitude!.Value, 6);
        Assert.Null(metadata.Make);
    }

    [Theory]
    [InlineData((short)(15 * 60), (byte)0)] // no zone is 15 hours from UTC
    [InlineData((short)60, (byte)2)] // daylight saving is on or off
    public void AZoneOutOfRange_IsNotTaken_TheTimeIs(short minutes, byte daylightSaving)
    {
        var metadata = NikonMovieRecords.Read(Of((0x12, 2, Ascii("2023:07:14 18:05:09")), (0x02000024, 7, WorldTime(minutes, daylightSaving))));
        Assert.Equal((new DateTime(2023, 7, 14, 18, 5, 9), null), (metadata!.TakenAt, metadata.TakenAtOffset));
    }

    [Fact]
    public void AnUnsetReceiversPosition_AZeroedDate_AndAZoneWithoutATime_AreNotTaken()
    {
        var metadata = NikonMovieRecords.Read(Of(
            (0x02, 2, Ascii("NIKON D5300")), (0x12, 2, Ascii("0000:00:00 00:00:00")), (0x02000024, 7, WorldTime(60, 0)),
            (0x01200001, 2, Ascii("N")), (0x01200002, 5, Degrees(0, 0, 0)), (0x01200003, 2, Ascii("E")), (0x01200004, 5, Degrees(0, 0, 0))));

        Assert.NotNull(metadata);
        Assert.Equal("NIKON D5300", metadata.Model);
        Assert.Equal((null, null, null, null), (metadata.TakenAt, metadata.TakenAtOffset, metadata.Latitude, metadata.Longitude));
    }

    [Fact]
    public void ARecordOfAnUnknownFormat_OrCutShort_EndsTheReading_WhatCameBeforeStands()
    {
        byte[] records = Of((0x02, 2, Ascii("NIKON Z 6")), (0x12, 2, Ascii("2023:07:14 18:05:09")));
        byte[] unknownFormat = [.. Of((0x02, 2, Ascii("NIKON Z 6"))), 0, 0, 0, 0x12, 0, 99, 0, 20, .. Ascii("2023:07:14 18:05:09")];

        var stopped = NikonMovieRecords.Read(unknownFormat);
        Assert.Equal(("NIKON Z 6", null), (stopped!.Model, stopped.TakenAt));
        var cutShort = NikonMovieRecords.Read(records.AsSpan(0, records.Length - 1));
        Assert.Equal(("NIKON Z 6", null), (cutShort!.Model, cutShort.TakenAt));
        Assert.Null(NikonMovieRecords.Read(records.AsSpan(18, records.Length - 19)));
        Assert.Null(NikonMovieRecords.Read([]));
    }
}
