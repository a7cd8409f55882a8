namespace Pixhaven.Core.Indexing;

/// <summary>
/// Which version of the readers and decoders indexed a file. Raise <see cref="Current"/> with any change that would
/// give a file indexed before a different result (a new metadata field or fallback, a format that now decodes); the
/// next index run then reads those files again, trusting their size and modification time for the content hash, and
/// makes only the thumbnails that are missing. Without it, a library indexed by an older version would keep the old
/// readings until a forced run re-hashed every original.
/// </summary>
public static class IndexerRevision
{
    /// <summary>
    /// 1: FLIR capture times, Canon lenses in moved maker notes, the size of damaged HEIFs, iOS 18 HDR HEICs, and the
    /// people in XMP face regions.
    /// 2: RAW files whose embedded preview carries no orientation of its own, and the RAW one other than 1 (they failed
    /// with an internal error).
    /// 3: video dates: AVCHD recording times in .MTS/.M2TS, an AVI's camera clock as local time, UTC times shown at the
    /// local time of the video's position; WebM told from Matroska (so it plays without a transcode); a video's audio codec
    /// and frame rate; Sony's clip metadata (C0001M01.XML) read as its video's sidecar, Apple's .AAE kept with its photo.
    /// 4: a GoPro's proxy (GL010042.LRV) stacked with its clip (GX010042.MP4); a drone's flight record (DJI_0001.SRT)
    /// read as its video's sidecar; GPS tracks (GPX), which were skipped as unsupported content.
    /// 5: a GoPro's position, start time and model from its GPS telemetry (GPMF), and its time zone from its timecode;
    /// Google Takeout's JSON read as its photo's sidecar, which was unsupported content; a Pixel's RAW and JPEG stacked;
    /// a sidecar's position giving an assumed zone its place's; a Sony XAVC S clip's zone from the document inside it.
    /// 6: a still dated only by its GPS clock (EXIF, or XMP's exif:GPSTimeStamp) shown at its place's local time; a PNG's
    /// "Creation Time" text as its date, its tIME chunk as the estimate when it has none; the ISO of cameras that keep it
    /// in maker notes, the exposure index or beyond 65535, and the exposure settings of XMP sidecars; the 12-hour time of
    /// a macOS screenshot's name ("at 2.30.11 PM"); a Nikon's lens as its range ("18-70mm f/3.5-4.5"); a
    /// Canon CRW's focal length, f-number, exposure and ISO.
    /// 7: an imported file named by its estimated date (no date inside, so its time of last change) stays an estimate, in
    /// UTC, instead of being dated by that name in the default zone; the exposure settings TIFF/EP RAWs (Kodak's KDC) keep
    /// in IFD0, and the ISO in a Canon maker note an editor moved; no description where a camera wrote its default text
    /// ("EPSON DSC picture", the file's own name "DSC00001", its path on the card).
    /// 8: animated GIFs and WebPs, which the viewer plays.
    /// </summary>
    public const int Current = 8;
}
