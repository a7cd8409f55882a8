using Microsoft.Extensions.Logging;
using NetVips;

namespace Pixhaven.Core.Media;

/// <summary>Process-wide libvips settings, applied once by the composition root.</summary>
public static class VipsRuntime
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    // libvips warns through GLib's log on the thread that decodes: a loader that only warns before it gives up (a PNG
    // with a broken chunk) leaves its error buffer empty, and this is the only word on what was wrong.
    [ThreadStatic]
    private static string? _lastWarning;

    /// <summary>Forgets the warnings libvips gave on this thread so far: call before decoding a file.</summary>
    public static void ForgetWarnings() => _lastWarning = null;

    /// <summary>The last warning libvips gave on this thread since <see cref="ForgetWarnings"/>, if any.</summary>
    public static string? LastWarning => _lastWarning;

    /// <summary>
    /// Pixhaven parallelises across files, so libvips works single-threaded per image (no oversubscription), and
    /// its operation cache is off: it would keep decoded originals alive and could serve a stale result after an
    /// original changes on disk. libvips warnings (damaged files) go to the log at debug level instead of stderr:
    /// the indexer records the reason per file from the exception anyway.
    /// </summary>
    public static void Configure(ILogger? logger = null)
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            NetVips.NetVips.Concurrency = 1;
            // Loaders libvips marks untrusted (ImageMagick, Matlab, FITS, ...) are not fuzzed for hostile input: never use them.
            NetVips.NetVips.BlockUntrusted = true;
            Cache.Max = 0;
            Cache.MaxFiles = 0;
            Cache.MaxMem = 0;
            foreach (var domain in new[] { "VIPS", "GLib-GObject", "GLib" })
            {
                Log.SetLogHandler(domain, Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug,
                    (logDomain, level, message) =>
                    {
                        if (level.HasFlag(Enums.LogLevelFlags.Warning) && logDomain == "VIPS")
                        {
                            _lastWarning = message;
                        }

                        logger?.LogDebug("libvips {Domain}: {Message}", logDomain, message);
                    });
            }

            _configured = true;
        }
    }
}
