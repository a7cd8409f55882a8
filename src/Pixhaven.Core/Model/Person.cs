namespace Pixhaven.Core.Model;

/// <summary>Someone whose face is marked on photos; known by the name the files give, shown by the name the user chose.</summary>
public sealed class Person
{
    public long Id { get; set; }

    /// <summary>The slug of the name in the files (see <see cref="Label.SlugOf"/>): how re-indexing finds the person again.</summary>
    public required string Slug { get; set; }

    /// <summary>The shown name: the files' name until the user renames the person.</summary>
    public required string Name { get; set; }

    /// <summary>Manual once renamed, so that no file's spelling replaces the user's.</summary>
    public MetadataSource NameSource { get; set; }

    /// <summary>Set when the user merged this person into another: faces found under this name go to that one.</summary>
    public long? MergedIntoId { get; set; }

    /// <summary>Left out of the People view and the search suggestions (a stranger in the background, say); their faces stay.</summary>
    public bool Hidden { get; set; }

    public List<Face> Faces { get; set; } = [];
}
