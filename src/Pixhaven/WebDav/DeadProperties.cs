using System.Xml.Linq;

namespace Pixhaven.WebDav;

/// <summary>
/// Properties that WebDAV clients set on files and folders (PROPPATCH), kept in memory by full path: they are a
/// client's notes for the length of a sync, and the files they belong to move into originals on import anyway.
/// Bounded, per path and in all, so that no client can fill the server's memory with them.
/// </summary>
public sealed class DeadProperties
{
    /// <summary>Characters of XML one path may hold: far more than clients write (a few small values), far less than a body may carry.</summary>
    public const int MaxCharactersPerPath = 64 * 1024;

    /// <summary>Characters of XML all paths together may hold.</summary>
    public const int MaxCharactersInAll = 16 * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<XName, XElement>> _byPath = new(StringComparer.Ordinal);
    private long _characters;

    public IReadOnlyList<XElement> Get(string path)
    {
        lock (_gate)
        {
            return _byPath.TryGetValue(path, out var props) ? [.. props.Values.Select(p => new XElement(p))] : [];
        }
    }

    /// <summary>
    /// Applies sets (an element) and removals (a name) in order, all or nothing; false, changing nothing, when the
    /// result would pass <see cref="MaxCharactersPerPath"/> or <see cref="MaxCharactersInAll"/>.
    /// </summary>
    public bool Apply(string path, IReadOnlyList<(XName Name, XElement? Value)> changes)
    {
        lock (_gate)
        {
            var existing = _byPath.GetValueOrDefault(path);
            var props = existing is null ? [] : new Dictionary<XName, XElement>(existing);
            foreach (var (name, value) in changes)
            {
                if (value is null)
                {
                    props.Remove(name);
                }
                else
                {
                    props[name] = new XElement(value);
                }
            }

            var size = SizeOf(props);
            var total = _characters - SizeOf(existing) + size;
            if (size > MaxCharactersPerPath || total > MaxCharactersInAll)
            {
                return false;
            }

            _byPath[path] = props;
            _characters = total;
            return true;
        }
    }

    private static long SizeOf(Dictionary<XName, XElement>? props) =>
        props?.Values.Sum(p => (long)p.ToString(SaveOptions.DisableFormatting).Length) ?? 0;

    public void Copy(string from, string to) => Transfer(from, to, keepSource: true);

    public void Move(string from, string to) => Transfer(from, to, keepSource: false);

    public void Delete(string path) => Transfer(path, null, keepSource: false);

    /// <summary>Applies to the path and everything under it (a folder's contents go with it).</summary>
    private void Transfer(string from, string? to, bool keepSource)
    {
        lock (_gate)
        {
            if (to is not null)
            {
                foreach (var key in _byPath.Keys.Where(k => k == to || k.StartsWith(to + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList())
                {
                    _characters -= SizeOf(_byPath[key]);
                    _byPath.Remove(key);
                }
            }

            foreach (var key in _byPath.Keys.Where(k => k == from || k.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList())
            {
                var size = SizeOf(_byPath[key]);
                // A copy that would pass the bound goes without its properties: they are a client's notes, not data.
                if (to is not null && (!keepSource || _characters + size <= MaxCharactersInAll))
                {
                    _byPath[to + key[from.Length..]] = _byPath[key].ToDictionary(p => p.Key, p => new XElement(p.Value));
                    _characters += size;
                }

                if (!keepSource)
                {
                    _characters -= size;
                    _byPath.Remove(key);
                }
            }
        }
    }
}
