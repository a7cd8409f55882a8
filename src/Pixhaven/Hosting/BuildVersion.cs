using System.Reflection;
using System.Runtime.InteropServices;

namespace Pixhaven.Hosting;

/// <summary>The version string <c>YYMMDD-commit-OS-arch[-DEBUG]</c>, baked in at build time.</summary>
public static class BuildVersion
{
    public static string Value { get; } = Compose();

    private static string Compose()
    {
        var metadata = typeof(BuildVersion).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value ?? "");
        var date = metadata.GetValueOrDefault("PixhavenBuildDate", "000000");
        var commit = metadata.GetValueOrDefault("PixhavenCommit", "unknown");
        var os = OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsMacOS() ? "Darwin" : OperatingSystem.IsWindows() ? "Windows" : "Unknown";
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "i386",
            Architecture.Arm => "armv7",
            var other => other.ToString().ToLowerInvariant(),
        };
#if DEBUG
        const string suffix = "-DEBUG";
#else
        const string suffix = "";
#endif
        return $"{date}-{commit}-{os}-{arch}{suffix}";
    }
}
