using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Pixhaven.Core.Media.Video;

/// <summary>
/// What a GoPro's telemetry track (GPMF, sample format "gpmd") tells about a clip: the camera's name, its first good
/// GPS fix, and the true UTC time the clip started, from the GPS clock (a GoPro's own clock has no time zone, and many
/// write it where the container wants UTC). Hand-written: no .NET library reads GPMF, and only a few of its keys matter.
/// </summary>
public sealed record GoProTelemetry
{
    /// <summary>Payloads looked at: GoPro writes one a second, so the first ten minutes of a clip.</summary>
    private const int MaxPayloads = 600;
    private const int MaxPayloadBytes = 4 * 1024 * 1024;
    private const int MaxNesting = 4;

    /// <summary>A dilution of precision (GPSP, in hundredths) under 5 is a good fix, as GoPro advises.</summary>
    private const int GoodPrecision = 500;

    /// <summary>
    /// The camera's model: from its global settings in the movie's user data (MINF, HERO6 and later), else the device
    /// name in its telemetry (DVNM), e.g. "HERO7 Black"; null when neither names one (a HERO5 writes only "Camera").
    /// </summary>
    public string? Camera { get; init; }

    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? Altitude { get; init; }

    /// <summary>When the clip's first frame was taken, from the GPS clock at the first fix.</summary>
    public DateTime? StartUtc { get; init; }

    /// <summary>Reads the telemetry track of an MP4/QuickTime file; null when it has none.</summary>
    public static GoProTelemetry? Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        return Read(file);
    }

    /// <summary>Reads the telemetry track of an MP4/QuickTime file, seeking in it; null when it has none.</summary>
    public static GoProTelemetry? Read(Stream file)
    {
        var movie = Mp4Tracks.ReadMovie(file);
        var payloads = movie is null ? [] : Mp4Tracks.SamplesOf(movie, "gpmd", MaxPayloads, file.Length);
        if (payloads.Count == 0)
        {
            return null;
        }

        var best = new GpsReading { Camera = ModelInSettings(movie) };
        foreach (var payload in payloads.Where(p => p.Size <= MaxPayloadBytes))
        {
            var bytes = new byte[payload.Size];
            file.Position = payload.Offset;
            file.ReadExactly(bytes);
            var reading = ReadPayload(bytes);
            best.Camera ??= reading.Camera;
            if (reading.HasFix && (!best.HasFix || reading.Precision < best.Precision))
            {
                (best.HasFix, best.Latitude, best.Longitude, best.Altitude, best.Precision) = (true, reading.Latitude, reading.Longitude, reading.Altitude, reading.Precision);
                best.Time = reading.Time?.AddMilliseconds(-Math.Round(payload.StartSeconds * 1000));
            }

            // A camera with its GPS off writes no GPS stream at all: nothing later will have a fix.
            if ((best.HasFix && best.Precision < GoodPrecision) || !reading.HasGpsStream)
            {
                break;
            }
        }

        return new GoProTelemetry
        {
            Camera = best.Camera,
            Latitude = best.HasFix ? best.Latitude : null,
            Longitude = best.HasFix ? best.Longitude : null,
            Altitude = best.HasFix ? best.Altitude : null,
            StartUtc = best.HasFix ? best.Time : null,
        };
    }

    /// <summary>
    /// The model a GoPro names in the GPMF box of the movie's user data, its global settings (a device called "Global
    /// Settings" with firmware, serial number and MINF, the model). Its DVNM is that device's, not the camera's.
    /// </summary>
    private static string? ModelInSettings(ReadOnlyMemory<byte> movie) =>
        Mp4Tracks.UserData(movie, "GPMF") is { } settings ? ReadPayload(settings.Span).Model : null;

    /// <summary>The camera's name and the first fix in one GPMF payload (a DEVC structure, as stored in one sample).</summary>
    internal static GpsReading ReadPayload(ReadOnlySpan<byte> payload)
    {
        var reading = new GpsReading();
        Walk(payload, 0, reading, new StreamState());
        return reading;
    }

    /// <summary>
    /// Walks one level of KLV entries: a four-character key, a type character, the size of one sample and their count,
    /// then the values padded to four bytes. Nested entries (type 0) are walked with a stream state of their own, as
    /// SCAL, TYPE, GPSF, GPSU and GPSP describe the entries after them within their stream.
    /// </summary>
    private static void Walk(ReadOnlySpan<byte> data, int depth, GpsReading reading, StreamState stream)
    {
        var at = 0;
        while (at + 8 <= data.Length)
        {
            var key = data.Slice(at, 4);
            var type = (char)data[at + 4];
            var size = data[at + 5];
            var repeat = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 6)..]);
            var length = size * repeat;
            if (length > data.Length - at - 8)
            {
                return;
            }

            var value = data.Slice(at + 8, length);
            at += 8 + ((length + 3) & ~3);
            if (type == '\0')
            {
                if (depth < MaxNesting)
                {
                    Walk(value, depth + 1, reading, new StreamState());
                }
            }
            else
            {
                stream.Read(key, type, size, value, reading);
            }
        }
    }

    /// <summary>What one payload gave; the best of them is kept.</summary>
    internal sealed class GpsReading
    {
        public string? Camera { get; set; }

        /// <summary>The model named by MINF, written in the global settings only.</summary>
        public string? Model { get; set; }

        public bool HasGpsStream { get; set; }
        public bool HasFix { get; set; }
        public double Latitude { get; set; }
        public double Longitude { get; set; }
        public double? Altitude { get; set; }

        /// <summary>Dilution of precision in hundredths; lower is better.</summary>
        public int Precision { get; set; } = int.MaxValue;

        /// <summary>The GPS clock at the fix (UTC).</summary>
        public DateTime? Time { get; set; }
    }

    /// <summary>The properties a stream's entries set for the data after them.</summary>
    private sealed class StreamState
    {
        private double[] _scale = [];
        private uint? _device;
        private string? _structure;
        private uint? _fix;
        private DateTime? _time;
        private int _precision = int.MaxValue;

        public void Read(ReadOnlySpan<byte> key, char type, int size, ReadOnlySpan<byte> value, GpsReading reading)
        {
            switch (Encoding.ASCII.GetString(key))
            {
                case "DVID" when value.Length >= 4:
                    _device = BinaryPrimitives.ReadUInt32BigEndian(value);
                    break;
                case "DVNM" when _device is null or 1 && reading.Camera is null:
                    // The camera is device 1; others are sensors paired with it. HERO5 to HERO7 call themselves "Camera".
                    reading.Camera = AsciiText.Printable(value) is { } name && name != "Camera" ? name : null;
                    break;
                case "MINF" when type == 'c':
                    reading.Model ??= AsciiText.Printable(value);
                    break;
                case "SCAL":
                    _scale = Numbers(type, value);
                    break;
                case "TYPE":
                    _structure = Encoding.ASCII.GetString(value).TrimEnd('\0');
                    break;
                case "GPSF":
                    reading.HasGpsStream = true;
                    _fix = value.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : null;
                    break;
                case "GPSP" when value.Length >= 2:
                    _precision = BinaryPrimitives.ReadUInt16BigEndian(value);
                    break;
                case "GPSU":
                    _time = DateTime.TryParseExact(Encoding.ASCII.GetString(value).TrimEnd('\0'), "yyMMddHHmmss.fff", CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time) ? time : null;
                    break;
                case "GPS5":
                    // Written before a fix too, empty or with zeros: the GPS is on, and a later payload may have one.
                    reading.HasGpsStream = true;
                    if (_fix >= 2 && type == 'l' && size >= 12 && value.Length >= size)
                    {
                        Keep(reading, Field(value, 'l', 0, 0), Field(value, 'l', 4, 1), Field(value, 'l', 8, 2), _time, _precision);
                    }

                    break;
                case "GPS9":
                    reading.HasGpsStream = true;
                    if (type == '?')
                    {
                        ReadGps9(size, value, reading);
                    }

                    break;
            }
        }

        /// <summary>
        /// HERO11 and later: one structure per sample (TYPE "lllllllSS"): latitude, longitude, altitude, two speeds, days
        /// since 2000, seconds since midnight, dilution of precision and fix, each with its own scale.
        /// </summary>
        private void ReadGps9(int size, ReadOnlySpan<byte> value, GpsReading reading)
        {
            var offsets = Offsets(_structure);
            if (offsets.Length < 9 || offsets[^1].End > size || value.Length < size)
            {
                return;
            }

            var fields = new double?[9];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Field(value[..size], offsets[i].Type, offsets[i].Start, i);
            }

            if (fields[8] is >= 2 && fields[5] is { } days and >= 0 and < 40_000 && fields[6] is { } seconds and >= 0 and < 86_400 && fields[7] is { } dop and >= 0)
            {
                Keep(reading, fields[0], fields[1], fields[2], new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(Math.Floor(days)).AddSeconds(seconds), (int)Math.Min(dop * 100, int.MaxValue));
            }
        }

        private static void Keep(GpsReading reading, double? lat, double? lng, double? alt, DateTime? time, int precision)
        {
            if (reading.HasFix || lat is not { } latitude || lng is not { } longitude
                || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180 || (latitude == 0 && longitude == 0))
            {
                return;
            }

            (reading.HasFix, reading.Latitude, reading.Longitude, reading.Altitude, reading.Time, reading.Precision) = (true, latitude, longitude, alt, time, precision);
        }

        /// <summary>The <paramref name="index"/>th field of a sample, divided by its scale (SCAL: one for all, or one per field).</summary>
        private double? Field(ReadOnlySpan<byte> sample, char type, int start, int index)
        {
            var scale = _scale.Length == 0 ? 1 : _scale.Length == 1 ? _scale[0] : index < _scale.Length ? _scale[index] : double.NaN;
            return start <= sample.Length && Number(type, sample[start..]) is { } raw && scale is not 0 && double.IsFinite(scale) ? raw / scale : null;
        }

        private static double[] Numbers(char type, ReadOnlySpan<byte> value)
        {
            var width = Width(type);
            if (width == 0)
            {
                return [];
            }

            var numbers = new double[value.Length / width];
            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = Number(type, value[(i * width)..]) ?? double.NaN;
            }

            return numbers;
        }

        private static double? Number(char type, ReadOnlySpan<byte> at) => Width(type) is var width && (width == 0 || at.Length < width) ? null : type switch
        {
            'b' => (sbyte)at[0],
            'B' => at[0],
            's' => BinaryPrimitives.ReadInt16BigEndian(at),
            'S' => BinaryPrimitives.ReadUInt16BigEndian(at),
            'l' => BinaryPrimitives.ReadInt32BigEndian(at),
            'L' => BinaryPrimitives.ReadUInt32BigEndian(at),
            'f' => BinaryPrimitives.ReadSingleBigEndian(at),
            'd' => BinaryPrimitives.ReadDoubleBigEndian(at),
            'j' => BinaryPrimitives.ReadInt64BigEndian(at),
            'J' => BinaryPrimitives.ReadUInt64BigEndian(at),
            _ => null,
        };

        private static int Width(char type) => type switch
        {
            'b' or 'B' => 1,
            's' or 'S' => 2,
            'l' or 'L' or 'f' => 4,
            'd' or 'j' or 'J' => 8,
            _ => 0,
        };

        /// <summary>Where each field of a TYPE structure starts; empty for a structure with types this reader does not know.</summary>
        private static (char Type, int Start, int End)[] Offsets(string? structure)
        {
            if (structure is null)
            {
                return [];
            }

            var offsets = new (char, int, int)[structure.Length];
            var at = 0;
            for (var i = 0; i < structure.Length; i++)
            {
                var width = Width(structure[i]);
                if (width == 0)
                {
                    return [];
                }

                offsets[i] = (structure[i], at, at + width);
                at += width;
            }

            return offsets;
        }
    }
}
