using Pixhaven.Core.Jobs;

namespace Pixhaven.Hosting;

/// <summary>
/// At shutdown, waits (within the host's shutdown timeout) for a running index or import to stop at its cancellation,
/// so that it does not go on writing thumbnails and catalog rows while the process goes down around it.
/// </summary>
internal sealed class IndexJobShutdown(IndexJob job, ILogger<IndexJobShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!job.IsRunning)
        {
            return;
        }

        logger.LogInformation("Waiting for the running {Kind} to stop", job.Kind);
        try
        {
            await job.WaitAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("The {Kind} did not stop within the shutdown time; it is left unfinished and resumes on the next run", job.Kind);
        }
    }
}
