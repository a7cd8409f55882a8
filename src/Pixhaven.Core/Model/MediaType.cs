namespace Pixhaven.Core.Model;

/// <summary>What kind of media a file holds, decided from its content.</summary>
public enum MediaType
{
    Unknown = 0,
    Image = 1,
    Raw = 2,
    Video = 3,
    Sidecar = 4,

    /// <summary>A photo whose stack holds a still and its motion video (Apple Live Photo); never a file's type.</summary>
    Live = 5,
}
