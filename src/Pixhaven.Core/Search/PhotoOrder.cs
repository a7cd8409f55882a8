namespace Pixhaven.Core.Search;

/// <summary>The orders a search can return photos in.</summary>
public enum PhotoOrder
{
    /// <summary>Taken most recently first (the default).</summary>
    Newest,

    /// <summary>Taken longest ago first.</summary>
    Oldest,

    /// <summary>Added to the library most recently first.</summary>
    Added,

    /// <summary>Changed most recently first (an edit, or a re-index that found the file changed).</summary>
    Edited,

    /// <summary>By the primary file's path, A to Z.</summary>
    Name,

    /// <summary>Largest primary file first.</summary>
    Size,

    /// <summary>Shuffled by a seed: the same seed gives the same order, so paging stays stable.</summary>
    Random,

    /// <summary>Best full-text match first; newest first when the query has no free text.</summary>
    Relevance,

    /// <summary>An album's own order, set by hand; only for listing an album's photos.</summary>
    Album,
}
