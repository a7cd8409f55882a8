namespace Pixhaven.Core.Media;

/// <summary>Process-wide libvips settings, applied once by the composition root.</summary>
public static class VipsRuntime
{
    /// <summary>
    /// Pixhaven parallelises across files, so libvips works single-threaded per image (no oversubscription), and
    /// its operation cache is off: it would keep decoded originals alive and could serve a stale result after an
    /// original changes on disk.
    /// </summary>
    public static void Configure()
    {
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;
        NetVips.Cache.MaxFiles = 0;
        NetVips.Cache.MaxMem = 0;
    }
}
