using System.Xml.Linq;

namespace Pixhaven.WebDav;

/// <summary>
/// Properties that WebDAV clients set on files and folders (PROPPATCH), kept in memory by full path: they are a
/// client's notes for the length of a sync, and the files they belong to move into originals on import anyway.
/// </summary>
public sealed class DeadProperties
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<XName, XElement>> _byPath = new(StringComparer.Ordinal);

    public IReadOnlyList<XElement> Get(string path)
    {
        lock (_gate)
        {
            return _byPath.TryGetValue(path, out var props) ? [.. props.Values.Select(p => new XElement(p))] : [];
        }
    }

    /// <summary>Applies sets (an element) and removals (a name) in order, all or nothing.</summary>
    public void Apply(string path, IReadOnlyList<(XName Name, XElement? Value)> changes)
    {
        lock (_gate)
        {
            var props = _byPath.TryGetValue(path, out var existing) ? new Dictionary<XName, XElement>(existing) : [];
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

            _byPath[path] = props;
        }
    }

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
                    _byPath.Remove(key);
                }
            }

            foreach (var key in _byPath.Keys.Where(k => k == from || k.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList())
            {
                if (to is not null)
                {
                    _byPath[to + key[from.Length..]] = _byPath[key].ToDictionary(p => p.Key, p => new XElement(p.Value));
                }

                if (!keepSource)
                {
                    _byPath.Remove(key);
                }
            }
        }
    }
}
