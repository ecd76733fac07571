namespace ComplaintRules;

/// <summary>
/// Tells when rule files may have changed, including changes that never touch the file's own name: a Kubernetes
/// ConfigMap swaps a <c>..data</c> symlink beside it, a deployment replaces the whole folder. It watches, for each
/// file, its folder (every entry), the folder its path resolves to through symlinks, and the folder's own entry in
/// its parent. Whether anything really changed is for the caller to decide by content; <see cref="Rewire"/> follows
/// folders that were replaced.
/// </summary>
internal sealed class RuleFileWatcher : IDisposable
{
    // The kernel's own limit on symlinks followed while resolving one path.
    private const int MaxSymlinkHops = 40;

    private readonly IReadOnlyList<string> _files;
    private readonly Action _mayHaveChanged;
    private readonly Lock _lock = new();
    private List<FileSystemWatcher> _watchers = [];
    private bool _disposed;

    public RuleFileWatcher(IReadOnlyList<string> files, Action mayHaveChanged)
    {
        _files = files;
        _mayHaveChanged = mayHaveChanged;
        Rewire();
    }

    /// <summary>Watches the folders the files resolve to now (a replaced folder is a new one to watch).</summary>
    public void Rewire()
    {
        var targets = WatchTargets(_files);
        var watchers = new List<FileSystemWatcher>(targets.Count);
        foreach (var (folder, names) in targets)
        {
            if (TryWatch(folder, names) is { } watcher)
            {
                watchers.Add(watcher);
            }
        }

        List<FileSystemWatcher> old;
        lock (_lock)
        {
            if (_disposed)
            {
                old = watchers;
            }
            else
            {
                old = _watchers;
                _watchers = watchers;
            }
        }

        old.ForEach(w => w.Dispose());
    }

    public void Dispose()
    {
        List<FileSystemWatcher> old;
        lock (_lock)
        {
            _disposed = true;
            old = _watchers;
            _watchers = [];
        }

        old.ForEach(w => w.Dispose());
    }

    /// <summary>The path with every symlink along it resolved, like realpath(3); the path itself when a link loops.</summary>
    internal static string ResolveLinks(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxSymlinkHops)
            {
                return full;
            }

            var resolved = Path.GetFullPath(target, current);
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            foreach (var piece in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(piece);
            }

            current = resolvedRoot;
        }

        return current;
    }

    // Folder → the entry names that matter in it, or null for every entry.
    private static Dictionary<string, HashSet<string>?> WatchTargets(IReadOnlyList<string> files)
    {
        var targets = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var folder = Path.GetDirectoryName(file);
            if (folder is null)
            {
                continue;
            }

            targets[folder] = null;
            if (Path.GetDirectoryName(ResolveLinks(file)) is { } resolvedFolder)
            {
                targets[resolvedFolder] = null;
            }

            // The folder's own entry in its parent: the folder replaced by a rename or a delete and copy.
            if (Path.GetDirectoryName(folder) is { } parent)
            {
                if (!targets.TryGetValue(parent, out var names))
                {
                    targets[parent] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names?.Add(Path.GetFileName(folder));
            }
        }

        return targets;
    }

    private FileSystemWatcher? TryWatch(string folder, HashSet<string>? names)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            void OnEvent(string? name, string? oldName)
            {
                if (names is null || names.Contains(name ?? "") || names.Contains(oldName ?? ""))
                {
                    _mayHaveChanged();
                }
            }

            watcher.Changed += (_, e) => OnEvent(e.Name, null);
            watcher.Created += (_, e) => OnEvent(e.Name, null);
            watcher.Deleted += (_, e) => OnEvent(e.Name, null);
            watcher.Renamed += (_, e) => OnEvent(e.Name, e.OldName);
            watcher.Error += (_, _) => _mayHaveChanged(); // events were lost: look at the files
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // The folder is missing or cannot be watched now; polling still sees changes, and the next check rewires.
            watcher?.Dispose();
            return null;
        }
    }
}
