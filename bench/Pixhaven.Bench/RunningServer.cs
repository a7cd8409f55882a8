using System.Diagnostics;

namespace Pixhaven.Bench;

/// <summary>A <c>pixhaven start</c> process, a client for it, and how long it took to answer; disposing stops it.</summary>
internal sealed record RunningServer(Process Process, HttpClient Http, TimeSpan StartUp) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }
}
