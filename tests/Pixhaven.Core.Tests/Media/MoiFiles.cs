using System.Buffers.Binary;

namespace Pixhaven.Core.Tests.Media;

/// <summary>The .MOI files SD camcorders write beside their clips, made for the readers' tests.</summary>
public static class MoiFiles
{
    /// <summary>The start of a JVC Everio's MOV001.MOI: "V6", its size, the recording time and the clip's length.</summary>
    public static byte[] Of(int year, int month, int day, int hour, int minute, int milliseconds, uint durationMilliseconds)
    {
        var moi = new byte[256];
        "V6"u8.CopyTo(moi);
        BinaryPrimitives.WriteUInt32BigEndian(moi.AsSpan(2), (uint)moi.Length);
        BinaryPrimitives.WriteUInt16BigEndian(moi.AsSpan(6), (ushort)year);
        (moi[8], moi[9], moi[10], moi[11]) = ((byte)month, (byte)day, (byte)hour, (byte)minute);
        BinaryPrimitives.WriteUInt16BigEndian(moi.AsSpan(12), (ushort)milliseconds);
        BinaryPrimitives.WriteUInt32BigEndian(moi.AsSpan(14), durationMilliseconds);
        return moi;
    }
}
