using System.Buffers.Binary;
using System.Text;

namespace Pixhaven.Core.Tests.Media;

/// <summary>ISO base media (MP4, HEIF) boxes written by hand for the readers' tests: a 32-bit size, the type, the body.</summary>
public static class IsoBoxWriter
{
    public static byte[] Box(string type, params byte[][] children)
    {
        byte[] body = [.. children.SelectMany(c => c)];
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, 8 + body.Length);
        return [.. size, .. Encoding.Latin1.GetBytes(type), .. body]; // Latin-1: QuickTime's "©mak"
    }

    /// <summary>A box whose body starts with a version and flags, all zero.</summary>
    public static byte[] FullBox(string type, params byte[][] children) => Box(type, [new byte[4], .. children]);
}
