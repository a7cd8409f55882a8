using Microsoft.Extensions.Logging;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Jobs;

/// <summary>
/// Imports files that arrive in the import folder over the network (WebDAV): once uploads have been quiet for
/// <c>import-after-upload</c> seconds, an import starts; if another run is busy, it tries again after the same pause.
/// A sync client uploading a thousand photos thus causes one import, not a thousand, and one still reading back what
/// it uploaded keeps the quiet from starting: a file moved into originals under it looks lost, and it uploads it again.
/// A client that never stops looking (a file manager polling the folder) holds the import off for at most
/// <see cref="MostQuietPeriods"/> quiet periods after the last upload.
/// </summary>
public sealed class ImportAfterUpload : IDisposable
{
    private readonly IndexJob _job;
    private readonly PixhavenOptions _options;
    private readonly ILogger<ImportAfterUpload> _logger;
    /// <summary>How many quiet periods after the last upload requests that only read may hold the import off.</summary>
    public const int MostQuietPeriods = 6;

    private readonly ITimer _timer;
    private readonly TimeProvider _clock;
    private CancellationToken _stopping;
    private int _waiting;
    private long _lastUploadTicks;

    public ImportAfterUpload(IndexJob job, PixhavenOptions options, ILogger<ImportAfterUpload> logger, TimeProvider clock)
    {
        _job = job;
        _logger = logger;
        _options = options;
        _clock = clock;
        _timer = clock.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Read at every upload: the admin may change it while the server runs.</summary>
    private TimeSpan Quiet => TimeSpan.FromSeconds(_options.ImportAfterUploadSeconds);

    /// <summary>A file was uploaded: (re)start the quiet period.</summary>
    public void Uploaded(CancellationToken stopping)
    {
        if (Quiet <= TimeSpan.Zero)
        {
            return;
        }

        _stopping = stopping;
        Interlocked.Exchange(ref _lastUploadTicks, _clock.GetUtcNow().UtcTicks);
        Volatile.Write(ref _waiting, 1);
        _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// A client is still at work in the import folder (listing it, checking the size of what it uploaded): when uploads
    /// wait for their import, the quiet period starts again, up to <see cref="MostQuietPeriods"/> after the last upload.
    /// Without uploads waiting, nothing starts.
    /// </summary>
    public void ClientBusy()
    {
        var sinceUpload = _clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastUploadTicks);
        if (Quiet > TimeSpan.Zero && Volatile.Read(ref _waiting) == 1 && sinceUpload + Quiet.Ticks <= MostQuietPeriods * Quiet.Ticks)
        {
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        if (_stopping.IsCancellationRequested || Interlocked.Exchange(ref _waiting, 0) == 0)
        {
            return;
        }

        if (_job.TryStartImport(new ImportRequest(false), _stopping))
        {
            _logger.LogInformation("Importing the files uploaded to the import folder");
        }
        else
        {
            Volatile.Write(ref _waiting, 1);
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();
}
