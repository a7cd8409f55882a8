using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Pixhaven.Security;

/// <summary>
/// Believes X-Forwarded-For and X-Forwarded-Proto only from the configured proxies, so clients cannot fake their
/// address or TLS. With no proxy configured the middleware is not used at all: empty lists would make it trust anyone.
/// </summary>
public static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions forwarded, string trusted)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var part in trusted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            forwarded.KnownIPNetworks.Add(part.Contains('/', StringComparison.Ordinal)
                ? System.Net.IPNetwork.Parse(part)
                : new System.Net.IPNetwork(IPAddress.Parse(part), IPAddress.Parse(part).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
        }
    }
}
