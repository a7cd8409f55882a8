using System.Buffers.Binary;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The tagged records a Nikon camera writes into its video's user data (NCDT/NCTG): make, model, lens, the local time
/// with the camera's world-time zone, and the GPS position of the models that have one. Each record is a tag (32 bits),
/// an EXIF format code and a count (16 bits each), then the value, big-endian. Tags under 0x0110 and 0x0120 are EXIF's
/// and GPS's own; under 0x0200, the Nikon maker note's. Read by hand, as no .NET library knows these records.
/// </summary>
public static class NikonMovieRecords
{
    private const uint Make = 0x01;
    private const uint Model = 0x02;
    private const uint CreateDate = 0x11;
    private const uint DateTimeOriginal = 0x12;
    private const uint LensModel = 0x0110A434;
    private const uint GpsLatitudeRef = 0x01200001;
    private const uint GpsLatitude = 0x01200002;
    private const uint GpsLongitudeRef = 0x01200003;
    private const uint GpsLongitude = 0x01200004;
    private const uint GpsAltitudeRef = 0x01200005;
    private const uint GpsAltitude = 0x01200006;

    /// <summary>The maker note's world time: the zone in minutes (int16), then whether daylight saving time was on.</summary>
    private const uint WorldTime = 0x02000024;

    /// <summary>What the records name; null when they name neither the camera nor a time. A record of an unknown format
    /// ends the reading, as its length is unknown.</summary>
    public static MediaMetadata? Read(ReadOnlySpan<byte> records)
    {
        string? make = null, model = null, lens = null, created = null, original = null, latitudeRef = null, longitudeRef = null;
        double? latitude = null, longitude = null, altitude = null;
        var belowSeaLevel = false;
        TimeSpan? zone = null;
        var at = 0;
        while (at + 8 <= records.Length)
        {
            var tag = BinaryPrimitives.ReadUInt32BigEndian(records[at..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(records[(at + 4)..]);
            var count = BinaryPrimitives.ReadUInt16BigEndian(records[(at + 6)..]);
            var width = ExifTypes.Size(format);
            var size = width * count;
            if (width == 0 || size > records.Length - at - 8)
            {
                break;
            }

            var value = records.Slice(at + 8, size);
            at += 8 + size;
            switch (tag, format)
            {
                case (Make, 2): make = AsciiText.Printable(value); break;
                case (Model, 2): model = AsciiText.Printable(value); break;
                case (LensModel, 2): lens = AsciiText.Printable(value); break;
                case (CreateDate, 2): created = AsciiText.Printable(value); break;
                case (DateTimeOriginal, 2): original = AsciiText.Printable(value); break;
                case (GpsLatitudeRef, 2): latitudeRef = AsciiText.Printable(value); break;
                case (GpsLongitudeRef, 2): longitudeRef = AsciiText.Printable(value); break;
                case (GpsLatitude, 5): latitude = Degrees(value); break;
                case (GpsLongitude, 5): longitude = Degrees(value); break;
                case (GpsAltitude, 5) when count == 1: altitude = Rational(value); break;
                case (GpsAltitudeRef, 1 or 7) when count == 1: belowSeaLevel = value[0] == 1; break;
                case (WorldTime, 7) when count >= 3: zone = Zone(value); break;
            }
        }

        var taken = MetadataDates.ParseDateTime(original) ?? MetadataDates.ParseDateTime(created);
        if (make is null && model is null && taken is null)
        {
            return null;
        }

        var (lat, lng) = Position(latitude, latitudeRef, longitude, longitudeRef);
        return new MediaMetadata
        {
            Make = make,
            Model = model,
            Lens = lens,
            TakenAt = taken?.Local,
            TakenAtOffset = taken is null ? null : zone,
            Latitude = lat,
            Longitude = lng,
            Altitude = lat is null || altitude is null ? null : Math.Round(belowSeaLevel ? -altitude.Value : altitude.Value, 3),
        };
    }

    private static (double?, double?) Position(double? latitude, string? latitudeRef, double? longitude, string? longitudeRef)
    {
        if (latitude is not { } lat || longitude is not { } lng || latitudeRef is not ("N" or "S") || longitudeRef is not ("E" or "W"))
        {
            return (null, null);
        }

        lat = latitudeRef == "S" ? -lat : lat;
        lng = longitudeRef == "W" ? -lng : lng;
        // 0,0 is an unset receiver's placeholder, as in a photo's EXIF.
        return Math.Abs(lat) > 90 || Math.Abs(lng) > 180 || (lat == 0 && lng == 0)
            ? (null, null)
            : (Math.Round(lat, 7), Math.Round(lng, 7));
    }

    /// <summary>Degrees, minutes and seconds, each an unsigned rational, as in EXIF's GPS tags.</summary>
    private static double? Degrees(ReadOnlySpan<byte> value) =>
        value.Length == 24 && Rational(value[..8]) is { } degrees && Rational(value[8..16]) is { } minutes && Rational(value[16..]) is { } seconds
            ? degrees + (minutes / 60) + (seconds / 3600)
            : null;

    /// <summary>An unsigned rational; 0/0, which Nikon writes for seconds it does not record, is 0.</summary>
    private static double? Rational(ReadOnlySpan<byte> value)
    {
        var numerator = BinaryPrimitives.ReadUInt32BigEndian(value);
        var denominator = BinaryPrimitives.ReadUInt32BigEndian(value[4..]);
        return denominator != 0 ? (double)numerator / denominator : numerator == 0 ? 0 : null;
    }

    /// <summary>The camera's zone, with an hour more when it was set to daylight saving time; null when out of range.</summary>
    private static TimeSpan? Zone(ReadOnlySpan<byte> value)
    {
        var minutes = BinaryPrimitives.ReadInt16BigEndian(value);
        var daylightSaving = value[2];
        if (Math.Abs((int)minutes) > 14 * 60 || daylightSaving > 1)
        {
            return null;
        }

        return TimeSpan.FromMinutes(minutes + (60 * daylightSaving));
    }
}
