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
    private readonly PixhavenOptions _options;
    private readonly ILogger<ImportAfterUpload> _logger;
    private readonly Timer _timer;
    private CancellationToken _stopping;

    public ImportAfterUpload(IndexJob job, PixhavenOptions options, ILogger<ImportAfterUpload> logger)
    {
        _job = job;
        _logger = logger;
        _options = options;
        _timer = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
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
        _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
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
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();
}
