namespace Pixhaven.Core.Model;

/// <summary>A face on a photo: a box in fractions of the picture as shown, and the person when the region is named.</summary>
public sealed class Face
{
    public long Id { get; set; }

    public long PhotoId { get; set; }
    public Photo? Photo { get; set; }

    public long? PersonId { get; set; }
    public Person? Person { get; set; }

    public double X { get; set; }
    public double Y { get; set; }
    public double Width { get; set; }
    public double Height { get; set; }
}
