namespace Pixhaven.Core.Indexing;

/// <summary>What an import run should do.</summary>
/// <param name="Copy">Copy files into originals and leave the import folder as it is; otherwise move them.</param>
public sealed record ImportRequest(bool Copy = false);
