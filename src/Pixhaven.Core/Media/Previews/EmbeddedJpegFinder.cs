namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// Finds the JPEG previews that cameras embed in RAW files (CR2, NEF, ARW, DNG, RAF, CR3, ...) by scanning for JPEG
/// start markers and walking each candidate's segments to its frame size and end. Written here because no library we
/// use exposes previews across RAW formats, and one format-agnostic scan beats a parser per container.
/// Lossless JPEG (the raw data itself in DNG/CR2) is skipped: it is not a preview.
/// </summary>
public static class EmbeddedJpegFinder
{
    /// <summary>A JPEG inside a file: where it is, and its pixel size.</summary>
    public sealed record EmbeddedJpeg(long Offset, int Length, int Width, int Height)
    {
        public int LongSide => Math.Max(Width, Height);
    }

    public static EmbeddedJpeg? FindLargest(ReadOnlySpan<byte> data)
    {
        EmbeddedJpeg? best = null;
        for (var i = 0; i + 4 < data.Length; i++)
        {
            var next = data[i..].IndexOf((byte)0xFF);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (i + 3 >= data.Length || data[i + 1] != 0xD8 || data[i + 2] != 0xFF)
            {
                continue;
            }

            if (Measure(data, i) is { } jpeg && (best is null || (long)jpeg.Width * jpeg.Height > (long)best.Width * best.Height))
            {
                best = jpeg;
            }
        }

        return best;
    }

    private static EmbeddedJpeg? Measure(ReadOnlySpan<byte> data, int start)
    {
        var position = start + 2;
        int width = 0, height = 0;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return null;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = (data[position + 2] << 8) | data[position + 3];
            if (length < 2 || position + 2 + length > data.Length)
            {
                return null;
            }

            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                height = (data[position + 5] << 8) | data[position + 6];
                width = (data[position + 7] << 8) | data[position + 8];
            }
            else if (marker is 0xC3 or (>= 0xC5 and <= 0xCF and not 0xC8 and not 0xCC))
            {
                return null; // lossless or hierarchical: raw sensor data, not a preview
            }

            position += 2 + length;
            if (marker == 0xDA)
            {
                return width > 0 && height > 0 && EndOfImage(data, position) is { } end
                    ? new EmbeddedJpeg(start, end - start, width, height)
                    : null;
            }
        }

        return null;
    }

    /// <summary>The offset just past FF D9, walking entropy-coded data (where FF is followed by 00, a restart marker, or another scan's segments).</summary>
    private static int? EndOfImage(ReadOnlySpan<byte> data, int position)
    {
        while (position + 1 < data.Length)
        {
            var next = data[position..].IndexOf((byte)0xFF);
            if (next < 0 || position + next + 1 >= data.Length)
            {
                return null;
            }

            position += next;
            var marker = data[position + 1];
            if (marker == 0xD9)
            {
                return position + 2;
            }

            position += 2;
        }

        return null;
    }
}
