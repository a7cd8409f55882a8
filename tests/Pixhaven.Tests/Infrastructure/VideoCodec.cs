using System.Diagnostics;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>The codec of a served video, as ffprobe reads it.</summary>
public static class VideoCodec
{
    public static async Task<string> OfAsync(byte[] video)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, video);
        try
        {
            var start = new ProcessStartInfo("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0", file])
            {
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output.Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
