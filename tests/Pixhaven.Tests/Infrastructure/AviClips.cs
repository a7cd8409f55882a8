using System.Buffers.Binary;
using System.Text;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>
/// AVIs as compact cameras wrote them: their clock's local time as text in an IDIT chunk, and (Fujifilm and others) EXIF
/// in the video stream's data chunk. Each chunk takes the place of padding ffmpeg leaves in the header, so no offset of
/// the file moves.
/// </summary>
public static class AviClips
{
    /// <summary>An MPEG-4 Part 2 AVI with sound and the IDIT chunk ("Mon Mar 10 15:04:43 2003"), at the header list's end.</summary>
    public static async Task MakeAsync(string path, string cameraClock)
    {
        await VideoClips.MakeWithSoundAsync(path, "-c:v", "mpeg4", "-c:a", "pcm_s16le");
        var avi = await File.ReadAllBytesAsync(path);
        Assert.Equal("hdrl", Encoding.ASCII.GetString(avi, 20, 4));
        var junk = LastJunk(avi, 24, 20 + BitConverter.ToInt32(avi, 16));
        ReplaceJunk(avi, junk, [.. "IDIT"u8, .. Chunk([.. Encoding.ASCII.GetBytes(cameraClock + "\n"), 0])]);
        await File.WriteAllBytesAsync(path, avi);
    }

    /// <summary>A Motion JPEG AVI whose video stream list holds this stream data ("strd") after its format, as cameras put it.</summary>
    public static async Task MakeWithStreamDataAsync(string path, byte[] streamData)
    {
        await VideoClips.MakeAsync(path, "-c:v", "mjpeg");
        var avi = await File.ReadAllBytesAsync(path);
        Assert.Equal("strl", Encoding.ASCII.GetString(avi, 96, 4)); // the first stream's list, after the main header
        var junk = LastJunk(avi, 100, 96 + BitConverter.ToInt32(avi, 92));
        ReplaceJunk(avi, junk, [.. "strd"u8, .. Chunk(streamData)]);
        await File.WriteAllBytesAsync(path, avi);
    }

    /// <summary>
    /// The stream data of a Fujifilm camera's AVI: "AVIF", four bytes, then EXIF's first directory (little-endian, its
    /// offsets counted from where it starts) with make, model and a pointer to the EXIF directory, which holds the time.
    /// </summary>
    public static byte[] FujifilmExif(string make, string model, string dateTimeOriginal)
    {
        byte[] makeText = [.. Encoding.ASCII.GetBytes(make), 0], modelText = [.. Encoding.ASCII.GetBytes(model), 0];
        byte[] dateText = [.. Encoding.ASCII.GetBytes(dateTimeOriginal), 0];
        const int firstLength = 2 + (3 * 12) + 4;
        var exifAt = firstLength + Even(makeText.Length) + Even(modelText.Length);
        byte[] first = Directory(0, (0x010F, 2, makeText), (0x0110, 2, modelText), (0x8769, 4, BitConverter.GetBytes(exifAt)));
        byte[] exif = Directory(exifAt, (0x9003, 2, dateText));
        return [.. "AVIF"u8, 0, 0, 0, 0, .. first, .. exif];
    }

    /// <summary>One directory: entries, the next directory's offset (none), then the values longer than four bytes.</summary>
    private static byte[] Directory(int at, params (ushort Tag, ushort Type, byte[] Value)[] entries)
    {
        var entriesLength = 2 + (entries.Length * 12) + 4;
        var head = new List<byte>(BitConverter.GetBytes((ushort)entries.Length));
        var values = new List<byte>();
        foreach (var (tag, type, value) in entries)
        {
            head.AddRange(BitConverter.GetBytes(tag));
            head.AddRange(BitConverter.GetBytes(type));
            head.AddRange(BitConverter.GetBytes(type == 2 ? value.Length : 1));
            if (value.Length <= 4)
            {
                head.AddRange(value.Concat(new byte[4 - value.Length]));
            }
            else
            {
                head.AddRange(BitConverter.GetBytes(at + entriesLength + values.Count));
                values.AddRange(value.Concat(new byte[Even(value.Length) - value.Length]));
            }
        }

        head.AddRange(new byte[4]);
        return [.. head, .. values];
    }

    private static int Even(int length) => (length + 1) & ~1;

    private static byte[] Chunk(byte[] body)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, body.Length);
        return [.. size, .. body, .. new byte[Even(body.Length) - body.Length]];
    }

    private static int LastJunk(byte[] avi, int from, int end)
    {
        var junk = -1;
        for (var at = from; at + 8 <= end; at += 8 + Even(BitConverter.ToInt32(avi, at + 4)))
        {
            junk = Encoding.ASCII.GetString(avi, at, 4) == "JUNK" ? at : junk;
        }

        Assert.True(junk > 0, "ffmpeg left no padding in the AVI header");
        return junk;
    }

    /// <summary>Writes the chunks where the padding chunk was, and pads the rest of its space with a smaller one.</summary>
    private static void ReplaceJunk(byte[] avi, int junk, byte[] chunks)
    {
        var padding = BitConverter.ToInt32(avi, junk + 4) - chunks.Length;
        Assert.True(padding >= 0, "the padding is too small for the chunks");
        byte[] replacement = [.. chunks, .. "JUNK"u8, .. BitConverter.GetBytes(padding), .. new byte[padding]];
        replacement.CopyTo(avi, junk);
    }
}
