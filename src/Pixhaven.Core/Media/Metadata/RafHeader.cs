using System.Buffers.Binary;
using System.Text;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The sensor size that a Fujifilm RAF keeps in its own header. MetadataExtractor sees only the EXIF of the embedded
/// JPEG preview, whose size is the preview's. Hand-written because no .NET library reads the RAF header; it reads the
/// fixed header and the big-endian tag directory it points to, every offset checked against the file.
/// </summary>
public static class RafHeader
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("FUJIFILMCCD-RAW ");
    private const int DirectoryPointer = 0x5C;
    private const int MaxDirectoryBytes = 1 << 20;
    private const ushort FullSize = 0x100;
    private const ushort CroppedSize = 0x111;

    /// <summary>Width and height of the image the camera records (the cropped sensor area, else the full one); null when the file is no RAF or its header is damaged.</summary>
    public static (int Width, int Height)? Size(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[DirectoryPointer + 8];
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..Magic.Length].SequenceEqual(Magic))
            {
                return null;
            }

            var offset = BinaryPrimitives.ReadUInt32BigEndian(header[DirectoryPointer..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header[(DirectoryPointer + 4)..]);
            if (length < 4 || length > MaxDirectoryBytes || offset + (long)length > file.Length)
            {
                return null;
            }

            var directory = new byte[length];
            file.Position = offset;
            file.ReadExactly(directory);
            return Read(directory);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static (int Width, int Height)? Read(ReadOnlySpan<byte> directory)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(directory);
        (int, int)? full = null;
        var position = 4;
        for (var i = 0; i < count && position + 4 <= directory.Length; i++)
        {
            var tag = BinaryPrimitives.ReadUInt16BigEndian(directory[position..]);
            var size = BinaryPrimitives.ReadUInt16BigEndian(directory[(position + 2)..]);
            position += 4;
            if (position + size > directory.Length)
            {
                return full;
            }

            // Both sizes are two 16-bit values, height first.
            if (tag is FullSize or CroppedSize && size == 4)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(directory[position..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(directory[(position + 2)..]);
                if (width > 0 && height > 0)
                {
                    if (tag == CroppedSize)
                    {
                        return (width, height);
                    }

                    full = (width, height);
                }
            }

            position += size;
        }

        return full;
    }
}
