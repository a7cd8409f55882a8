using System.Collections.Concurrent;
using Pixhaven.Core.Media.Previews;

namespace Pixhaven.Core.Media.Video;

/// <summary>
/// Brings HDR video (an iPhone's HLG, HDR10's PQ) to SDR BT.709 for thumbnails and H.264 transcodes. Without it the
/// BT.2020 colours are read as BT.709 and every frame looks washed out. Uses ffmpeg's zscale filter (zimg); an ffmpeg
/// without it converts as before.
/// </summary>
public static class HdrToSdr
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<bool>>> ZscaleFound = new();

    /// <summary>The transfer characteristics that mark HDR video.</summary>
    public static bool IsHdr(string? transfer) => transfer is "arib-std-b67" or "smpte2084";

    /// <summary>The ffmpeg filters that turn a video of <paramref name="transfer"/> into SDR BT.709, or null when none is needed or possible.</summary>
    public static async Task<string?> FilterAsync(string ffmpeg, string? transfer)
    {
        if (!IsHdr(transfer) || !await ZscaleFound.GetOrAdd(ffmpeg, program => new Lazy<Task<bool>>(() => HasZscaleAsync(program))).Value)
        {
            return null;
        }

        return transfer == "arib-std-b67"
            // HLG is scene-referred and made to look right on SDR screens: a straight conversion keeps its colours,
            // where a tone curve would only darken it.
            ? "zscale=t=bt709:p=bt709:m=bt709:r=tv:npl=100"
            // PQ is absolute light up to thousands of nits: compressed into SDR in linear light by Möbius's curve, which
            // leaves what SDR can show as it is and rolls only the highlights off (Hable's darkens everything).
            : "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=mobius:desat=0,zscale=t=bt709:m=bt709:r=tv";
    }

    private static async Task<bool> HasZscaleAsync(string ffmpeg)
    {
        try
        {
            var (exitCode, output, _) = await ExternalTool.RunWithOutputAsync(ffmpeg, ["-hide_banner", "-filters"], TimeSpan.FromSeconds(20), CancellationToken.None);
            return exitCode == 0 && output.Split('\n').Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, "zscale", ..]);
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}
