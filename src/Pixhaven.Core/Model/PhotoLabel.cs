namespace Pixhaven.Core.Model;

/// <summary>A label on a photo and where it came from.</summary>
public sealed class PhotoLabel
{
    public long PhotoId { get; set; }
    public Photo? Photo { get; set; }

    public long LabelId { get; set; }
    public Label? Label { get; set; }

    public MetadataSource Source { get; set; }
}
