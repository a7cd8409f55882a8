namespace Pixhaven.Core.Model;

/// <summary>What kind of media a file holds, decided from its content.</summary>
public enum MediaType
{
    Unknown = 0,
    Image = 1,
    Raw = 2,
    Video = 3,
    Sidecar = 4,
}
