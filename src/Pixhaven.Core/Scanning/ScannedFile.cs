namespace Pixhaven.Core.Scanning;

/// <summary>A file found under the originals folder, with the stat data used for change detection.</summary>
public sealed record ScannedFile(string RelativePath, string FullPath, long Size, DateTime ModifiedUtc);
