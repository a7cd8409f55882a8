using NetVips;

namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>
/// Makes every <see cref="ThumbnailSize"/> of an image with libvips from a single decode: shrink-on-load straight to
/// the largest size, EXIF orientation applied, colour converted to sRGB; the smaller sizes are cut from that copy.
/// Never upscales.
/// </summary>
public sealed class ThumbnailGenerator(ThumbnailStore store, int quality, long maxPixels = ThumbnailGenerator.DefaultMaxPixels, TimeSpan? decodeTimeout = null)
{
    public const long DefaultMaxPixels = 400_000_000;
    public const int DefaultDecodeTimeoutSeconds = 120;

    private readonly TimeSpan _decodeTimeout = decodeTimeout ?? TimeSpan.FromSeconds(DefaultDecodeTimeoutSeconds);

    /// <summary>Makes the thumbnails; returns a note when the image was damaged but still rendered.</summary>
    /// <exception cref="ThumbnailException">The image could not be decoded at all.</exception>
    /// <param name="alreadyOriented">The pixels are upright already; ignore any orientation tag.</param>
    /// <param name="orientation">EXIF orientation to apply instead of the file's own tag (a RAW's preview follows the RAW).</param>
    public string? Generate(string sourcePath, string hash, bool alreadyOriented = false, int? orientation = null)
    {
        string? damage = null;
        Image decoded;
        CheckDimensions(sourcePath);
        try
        {
            VipsRuntime.ForgetWarnings();
            decoded = Decode(sourcePath, Enums.FailOn.Truncated, alreadyOriented, orientation);
        }
        catch (ThumbnailException)
        {
            throw;
        }
        catch (VipsException strict) when (VipsErrors.FamilyOf(sourcePath) is var family && !VipsErrors.IsMissingDecoder(strict.Message, family))
        {
            // Damaged but partly readable (e.g. truncated): show what is there, and say so.
            damage = $"image data is damaged: {VipsErrors.Reason(strict, sourcePath, family)}";
            try
            {
                VipsRuntime.ForgetWarnings();
                decoded = Decode(sourcePath, Enums.FailOn.None, alreadyOriented, orientation);
            }
            catch (VipsException lenient)
            {
                throw new ThumbnailException($"image cannot be decoded: {VipsErrors.Reason(lenient, sourcePath, family)}", lenient,
                    VipsErrors.IsMissingDecoder(lenient.Message, family));
            }
        }
        catch (VipsException missing)
        {
            throw new ThumbnailException("no decoder for this image's compression in libvips", missing, missingDecoder: true);
        }

        using (decoded)
        {
            SaveSizes(decoded, hash);
        }

        return damage;
    }

    /// <summary>
    /// Makes the thumbnails of <paramref name="sourceKey"/> turned clockwise, from its largest thumbnail (upright sRGB
    /// already) instead of the original: the way for pictures the original cannot simply be turned for (a RAW shown by
    /// its preview or a converter's rendering, a HEIF turned by its container). Every size comes out as large as from
    /// the original, except the largest of a portrait turned to landscape: its source is only 1600 px wide.
    /// </summary>
    /// <exception cref="ThumbnailException">The source's thumbnails are not there.</exception>
    public void Turn(string sourceKey, string targetKey, int degrees)
    {
        var source = store.PathFor(sourceKey, ThumbnailSize.All[0]);
        if (!File.Exists(source))
        {
            throw new ThumbnailException("the photo has no thumbnails to turn", new FileNotFoundException(null, source));
        }

        using var upright = Image.NewFromFile(source, access: Enums.Access.Random);
        using var turned = Orientations.Clockwise(degrees) switch
        {
            90 => upright.Rot90(),
            180 => upright.Rot180(),
            270 => upright.Rot270(),
            _ => upright.Copy(),
        };
        using var decoded = turned.CopyMemory();
        SaveSizes(decoded, targetKey);
    }

    /// <summary>Every size from one decoded, upright picture.</summary>
    private void SaveSizes(Image decoded, string key)
    {
        foreach (var size in ThumbnailSize.All)
        {
            var target = store.PathFor(key, size);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var resized = size.Crop
                ? decoded.ThumbnailImage(size.Width, height: size.Height, crop: Enums.Interesting.Centre, size: Enums.Size.Down, noRotate: true)
                : decoded.ThumbnailImage(size.Width, height: size.Height, size: Enums.Size.Down, noRotate: true);
            Save(resized, target);
        }
    }

    /// <summary>
    /// Makes a size that a library indexed by an older version lacks (a size added since) from the smallest larger
    /// thumbnail already cached, instead of decoding the original again. False when there is none to make it from.
    /// </summary>
    public bool DeriveMissing(string hash, ThumbnailSize size)
    {
        var target = store.PathFor(hash, size);
        var source = ThumbnailSize.All
            .Where(s => !s.Crop && s.Width >= size.Width && s.Height >= size.Height && s != size)
            .OrderBy(s => s.Width)
            .Select(s => store.PathFor(hash, s))
            .FirstOrDefault(File.Exists);
        if (source is null)
        {
            return false;
        }

        // A cached thumbnail is upright sRGB already, and small: no limits or orientation to apply.
        using var resized = size.Crop
            ? Image.Thumbnail(source, size.Width, height: size.Height, crop: Enums.Interesting.Centre, size: Enums.Size.Down, noRotate: true)
            : Image.Thumbnail(source, size.Width, height: size.Height, size: Enums.Size.Down, noRotate: true);
        Save(resized, target);
        return true;
    }

    /// <summary>
    /// Refuses images larger than the limit before decoding: a few hundred bytes can claim 65535×65535 pixels, and even
    /// shrink-on-load would spend minutes and gigabytes on them. Reading the header costs next to nothing.
    /// </summary>
    private void CheckDimensions(string sourcePath)
    {
        try
        {
            using var header = Image.NewFromFile(sourcePath, access: Enums.Access.Sequential, failOn: Enums.FailOn.None);
            if ((long)header.Width * header.Height > maxPixels)
            {
                throw new ThumbnailException(
                    $"image is {header.Width}x{header.Height} ({(long)header.Width * header.Height / 1_000_000} megapixels), more than the limit of {maxPixels / 1_000_000} (image-max-megapixels)",
                    new InvalidDataException("image too large"));
            }
        }
        catch (VipsException)
        {
            // Unreadable header: the decode below reports why, with the damaged-file fallback.
        }
    }

    private Image Decode(string path, Enums.FailOn failOn, bool noRotate, int? orientation)
    {
        var largest = ThumbnailSize.All[0];
        var turn = orientation is >= 2 and <= 8 && !noRotate;
        using var loaded = Image.Thumbnail(path, largest.Width, height: largest.Width, size: Enums.Size.Down, noRotate: noRotate || orientation is not null,
            outputProfile: "srgb", failOn: failOn);
        using var image = loaded.Copy();
        var flattened = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image;
        try
        {
            using var srgb = flattened.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw ? null : flattened.Colourspace(Enums.Interpretation.Srgb);
            using var rgb = (srgb ?? flattened).Cast(Enums.BandFormat.Uchar);
            // A hostile file can make a decoder spin: when the deadline passes, the image is marked killed, which the
            // threads computing it check between tiles. Not SetProgress, which calls into .NET on every tile: indexing
            // 100 JPEGs of 12 MP peaked at 560 MB with it and 479 MB without (and at 910 MB while rgb went undisposed).
            using var deadline = new CancellationTokenSource(_decodeTimeout);
            using var kill = deadline.Token.Register(() => rgb.SetKill(true));
            Image decoded;
            try
            {
                // Decode once, here: every size below reads this copy instead of re-running the loader.
                decoded = rgb.CopyMemory();
            }
            catch (VipsException e) when (deadline.IsCancellationRequested)
            {
                throw new ThumbnailException($"decoding took longer than {_decodeTimeout.TotalSeconds:0.###} s (decode-timeout) and was stopped", e);
            }

            if (!turn)
            {
                return decoded;
            }

            // An orientation given by the caller is applied to the decoded copy: a quarter turn needs the whole image,
            // which the loader (reading the file once, top to bottom) cannot give.
            using (decoded)
            using (var tagged = decoded.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation!.Value)))
            using (var turned = tagged.Autorot())
            {
                return turned.CopyMemory();
            }
        }
        finally
        {
            if (!ReferenceEquals(flattened, image))
            {
                flattened.Dispose();
            }
        }
    }

    private void Save(Image image, string target)
    {
        // Unique, since two requests may make the same missing size at once.
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        image.Jpegsave(temporary, q: quality, keep: Enums.ForeignKeep.None, optimizeCoding: true, interlace: image.Width > 720);
        File.Move(temporary, target, overwrite: true);
    }
}
