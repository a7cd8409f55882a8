namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>An image that libvips cannot turn into thumbnails.</summary>
public sealed class ThumbnailException(string message, Exception inner) : Exception(message, inner);
