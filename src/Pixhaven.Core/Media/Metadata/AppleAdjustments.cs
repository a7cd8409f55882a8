namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Apple Photos' edit instructions exported beside a photo ("IMG_1234.AAE", a property list). They belong to the
/// photo's stack, so that an import moves them along with it, but are not applied: the edited picture itself comes
/// as "IMG_E1234.JPG", which the stack shows.
/// </summary>
public static class AppleAdjustments
{
    /// <summary>Whether these first bytes of a file begin such a property list.</summary>
    public static bool Describes(ReadOnlySpan<byte> header) => header.IndexOf("<plist"u8) >= 0 && header.IndexOf("<key>adjustment"u8) >= 0;
}
