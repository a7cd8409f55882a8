namespace Pixhaven.Core.Model;

/// <summary>The outcome of the last index pass over one file.</summary>
public enum FileStatus
{
    /// <summary>Every stage that applies to the file succeeded.</summary>
    Indexed = 0,

    /// <summary>Catalogued, but a later stage (e.g. thumbnails) could not be done; <see cref="PhotoFile.Error"/> says why.</summary>
    Partial = 1,

    /// <summary>Not a supported photo (empty, unknown or unsupported content); <see cref="PhotoFile.Error"/> says why.</summary>
    Skipped = 2,

    /// <summary>Supported type, but the file could not be read at all.</summary>
    Failed = 3,

    /// <summary>Deleted from the library by a user while the original stays: indexing leaves it out until it changes.</summary>
    Removed = 4,
}
