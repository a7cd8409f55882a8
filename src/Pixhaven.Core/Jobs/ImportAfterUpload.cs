using Microsoft.Extensions.Logging;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Jobs;

/// <summary>
/// Imports files that arrive in the import folder over the network (WebDAV): once uploads have been quiet for
/// <c>import-after-upload</c> seconds, an import starts; if another run is busy, it tries again after the same pause.
/// A sync client uploading a thousand photos thus causes one import, not a thousand.
/// </summary>
public sealed class ImportAfterUpload : IDisposable
{
    private readonly IndexJob _job;
    private readonly TimeSpan _quiet;
    private readonly ILogger<ImportAfterUpload> _logger;
    private readonly Timer _timer;
    private CancellationToken _stopping;

    public ImportAfterUpload(IndexJob job, PixhavenOptions options, ILogger<ImportAfterUpload> logger)
    {
        _job = job;
        _logger = logger;
        _quiet = TimeSpan.FromSeconds(options.ImportAfterUploadSeconds);
        _timer = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>A file was uploaded: (re)start the quiet period.</summary>
    public void Uploaded(CancellationToken stopping)
    {
        if (_quiet <= TimeSpan.Zero)
        {
            return;
        }

        _stopping = stopping;
        _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        if (_job.TryStartImport(new ImportRequest(false), _stopping))
        {
            _logger.LogInformation("Importing the files uploaded to the import folder");
        }
        else
        {
            _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();
}
