using System.Collections.Concurrent;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Loading;

/// <summary>Options for <see cref="ModelLoader"/>.</summary>
public sealed record LoadOptions
{
    /// <summary>The defaults.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>
    /// The folder file names in diagnostics are shown relative to (with forward slashes); default: the
    /// current directory. Files outside it are shown by absolute path.
    /// </summary>
    public string? DisplayBase { get; init; }

    /// <summary>How deep includes may nest before loading stops with AM0009.</summary>
    public int MaxIncludeDepth { get; init; } = 64;

    /// <summary>The largest file read, in bytes; a larger one is AM0009 (default 1 GiB).</summary>
    public long MaxFileBytes { get; init; } = 1L << 30;
}

/// <summary>What a load produced: the model it could build and every diagnostic.</summary>
public sealed class LoadResult
{
    internal LoadResult(ArchitectureModel? model, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> files, bool rootReadFailed)
    {
        Model = model;
        Diagnostics = diagnostics;
        Files = files;
        RootReadFailed = rootReadFailed;
    }

    /// <summary>
    /// The model, built from everything that could be read; <see langword="null"/> only when the root
    /// file could not be read. When <see cref="HasErrors"/> it is incomplete: analyse it at your own risk.
    /// </summary>
    public ArchitectureModel? Model { get; }

    /// <summary>Every diagnostic, sorted by file, line, column and code.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The files read, root first, in load order, as shown in diagnostics.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Whether the root file itself could not be read (missing, a folder, no permission).</summary>
    public bool RootReadFailed { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Loads a model from its root JSON file and the files it includes, in two phases: each file is read
/// into raw elements, then ids are linked and the whole model validated.
/// </summary>
/// <remarks>
/// Never throws on bad input: every problem becomes a located <see cref="Diagnostic"/> (file, 1-based
/// line and column of the offending token's start, JSON path). Never modifies a file. Reads only regular
/// files (a pipe or a device is a diagnostic, never opened), identifies files by real path (links followed) and
/// refuses includes whose real path is outside the root file's real folder (docs/reliability.md). Thread-safe: a
/// loader holds only its options.
/// </remarks>
public sealed class ModelLoader
{
    private readonly LoadOptions _options;

    /// <summary>Creates a loader.</summary>
    public ModelLoader(LoadOptions? options = null) => _options = options ?? LoadOptions.Default;

    /// <summary>Loads the model whose root file is <paramref name="rootPath"/>.</summary>
    public static LoadResult LoadFile(string rootPath, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        new ModelLoader(options).Load(rootPath, cancellationToken);

    /// <summary>Loads the model whose root file is <paramref name="rootPath"/>.</summary>
    public LoadResult Load(string rootPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootPath);
        var run = new Run(_options, rootPath, cancellationToken);
        return run.Execute();
    }

    /// <summary>
    /// Loads a model whose root file is read from <paramref name="stream"/> (UTF-8 JSON), with the same located
    /// diagnostics as a file: <paramref name="fileName"/> is the file name they show. The stream is read to its end and
    /// not closed.
    /// </summary>
    /// <param name="stream">The root file's bytes.</param>
    /// <param name="fileName">The name diagnostics give the root file, such as <c>model.json</c>.</param>
    /// <param name="includeFolder">
    /// The folder the root file's <c>includes</c> are resolved in (and may not leave), as if the root file were in
    /// it; <see langword="null"/> refuses every include with AM0009, since a stream has no folder.
    /// </param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public LoadResult Load(Stream stream, string fileName, string? includeFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > _options.MaxFileBytes)
            {
                var location = new SourceLocation(fileName, 1, 1, "");
                return new LoadResult(null, [new Diagnostic(DiagnosticCodes.IncludeProblem, DiagnosticSeverity.Error, Messages.RootUnreadable(fileName,
                    Texts.Of("load.reason.too-large", _options.MaxFileBytes)), location)], [], rootReadFailed: true);
            }
        }
        var folder = includeFolder ?? Environment.CurrentDirectory;
        var run = new Run(_options, Path.Combine(folder, Path.GetFileName(fileName)), cancellationToken)
        {
            RootBytes = bytes.ToArray(),
            RootDisplay = fileName,
            RefuseIncludes = includeFolder is null,
        };
        return run.Execute();
    }

    /// <summary>Loads a model from a stream; see <see cref="Load(Stream, string, string?, CancellationToken)"/>.</summary>
    public static LoadResult LoadStream(Stream stream, string fileName, LoadOptions? options = null, string? includeFolder = null,
        CancellationToken cancellationToken = default) =>
        new ModelLoader(options).Load(stream, fileName, includeFolder, cancellationToken);

    /// <summary>Loads a model from JSON text; see <see cref="Load(Stream, string, string?, CancellationToken)"/>.</summary>
    public static LoadResult LoadText(string json, string fileName, LoadOptions? options = null, string? includeFolder = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(json));
        return LoadStream(stream, fileName, options, includeFolder, cancellationToken);
    }

    private sealed class Run
    {
        /// <summary>The root file's bytes when it comes from a stream, not from its path.</summary>
        public byte[]? RootBytes { get; init; }

        /// <summary>The name diagnostics give a root file read from a stream.</summary>
        public string? RootDisplay { get; init; }

        /// <summary>Whether the root file's includes are refused (a stream without a folder).</summary>
        public bool RefuseIncludes { get; init; }

        private readonly LoadOptions _options;
        private readonly string _rootFull;
        private readonly string _rootFolder;
        // The root's folder with every link followed: includes must stay inside it, wherever links lead.
        private readonly string _rootReal;
        private readonly bool _rootInvalid;
        private readonly string _displayBase;
        private readonly CancellationToken _cancellation;
        private readonly ModelContent _content = new();
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly Dictionary<string, SourceText> _sources = new(StringComparer.Ordinal);
        private readonly List<SourceText> _read = [];
        private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
        private readonly List<string> _stack = [];

        public Run(LoadOptions options, string rootPath, CancellationToken cancellation)
        {
            _options = options;
            _cancellation = cancellation;
            // An empty path or one with a null character names no file (and Path.GetFullPath would throw).
            _rootInvalid = rootPath.Length == 0 || rootPath.Contains('\0', StringComparison.Ordinal);
            _rootFull = _rootInvalid ? rootPath.Replace("\0", "\\0", StringComparison.Ordinal) : Path.GetFullPath(rootPath);
            _rootFolder = _rootInvalid ? "" : Path.GetDirectoryName(_rootFull) ?? _rootFull;
            _rootReal = _rootInvalid ? "" : FilePaths.RealPath(_rootFolder);
            _displayBase = Path.GetFullPath(options.DisplayBase ?? Environment.CurrentDirectory);
        }

        public LoadResult Execute()
        {
            try
            {
                return Load();
            }
            finally
            {
                // The files' bytes live outside the managed heap: freed here, whether the load ended or was cancelled.
                foreach (var source in _read)
                {
                    source.Dispose();
                }
            }
        }

        private LoadResult Load()
        {
            if (_rootInvalid && RootBytes is null)
            {
                var shown = _rootFull.Length == 0 ? "\"\"" : _rootFull;
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.IncludeProblem, DiagnosticSeverity.Error,
                    Messages.RootUnreadable(shown, Texts.Of("load.reason.bad-path")), new SourceLocation(shown, 1, 1, "")));
                return new LoadResult(null, _diagnostics, [], rootReadFailed: true);
            }
            LocalizedText? error = null;
            var root = RootBytes is null ? Read(_rootFull, out error) : new SourceText(RootDisplay!, _rootFull, RootBytes);
            if (root is null)
            {
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.IncludeProblem, DiagnosticSeverity.Error,
                    Messages.RootUnreadable(Display(_rootFull), error!), new SourceLocation(Display(_rootFull), 1, 1, "")));
                return new LoadResult(null, _diagnostics, [], rootReadFailed: true);
            }
            var rootReal = FilePaths.RealPath(_rootFull);
            var parser = ParseRoot(root, rootReal);
            _content.RootLocation = parser.RootLocation;
            if (RefuseIncludes)
            {
                foreach (var (include, location) in parser.Includes)
                {
                    Report(Messages.IncludeFromStream(include), location);
                }
            }
            else
            {
                LoadIncludes(root, rootReal, parser.Includes, depth: 1);
            }
            _cancellation.ThrowIfCancellationRequested();

            var index = ModelValidator.AssignIdsIndexAndValidate(_content, new SourceTextLocator(_sources), _diagnostics);
            _diagnostics.Sort(Diagnostic.Order);
            var model = new ArchitectureModel(_content, index);
            return new LoadResult(model, _diagnostics, _content.Files, rootReadFailed: false);
        }

        private FileParser ParseRoot(SourceText source, string real)
        {
            _cancellation.ThrowIfCancellationRequested();
            _loaded.Add(real);
            _sources[source.DisplayPath] = source;
            _content.Files.Add(source.DisplayPath);
            var parser = new FileParser(source, _content, _diagnostics, isRoot: true);
            parser.Parse();
            return parser;
        }

        /// <summary>One included file read and parsed on its own, waiting to join the model in load order.</summary>
        private sealed class Parsed
        {
            public required string File { get; init; }
            /// <summary>The file's real path (links followed), which identifies it.</summary>
            public required string Real { get; init; }
            public required string Include { get; init; }
            public required SourceLocation Location { get; init; }
            public SourceText? Source { get; set; }
            public LocalizedText? Error { get; set; }
            public FileParser? Parser { get; set; }
            public ModelContent? Content { get; set; }
            public List<Diagnostic> Diagnostics { get; } = [];
        }

        private void LoadIncludes(SourceText from, string fromReal, List<(string Include, SourceLocation Location)> includes, int depth)
        {
            if (includes.Count == 0)
            {
                return;
            }
            if (depth > _options.MaxIncludeDepth)
            {
                Report(Messages.IncludeTooDeep(_options.MaxIncludeDepth), includes[0].Location);
                _content.Incomplete = true;
                return;
            }
            _stack.Add(fromReal);
            var folder = Path.GetDirectoryName(from.FullPath)!;
            var files = new List<Parsed>();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (include, location) in includes)
            {
                foreach (var (file, real, isPattern) in Resolve(folder, include, location))
                {
                    // Files are identified by real path: one file reached through a link and directly is one file.
                    if (_stack.Contains(real) || real == fromReal)
                    {
                        if (!isPattern)
                        {
                            Report(Messages.IncludeCycle(include), location, DiagnosticSeverity.Warning);
                        }
                        continue;
                    }
                    if (!_loaded.Contains(real) && listed.Add(real))
                    {
                        files.Add(new Parsed { File = file, Real = real, Include = include, Location = location });
                    }
                }
            }

            // The files of one list are read and parsed in parallel (a national model is split by region),
            // each into its own content; they join the model one by one in list order, each followed by
            // its own includes, so the result is the same as reading them one after another. They are handed
            // out one at a time, largest first, so that no processor is left parsing a large file alone at the end.
            var largestFirst = Enumerable.Range(0, files.Count).OrderByDescending(i => SizeOf(files[i].File)).ToArray();
            Parallel.ForEach(Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { CancellationToken = _cancellation },
                static () => new ValuePool(),
                (i, _, pool) =>
                {
                    ParseAlone(files[i], pool);
                    return pool;
                },
                static _ => { });

            _content.MakeRoomFor([.. files.Where(static f => f.Content is not null).Select(static f => f.Content!)]);
            foreach (var file in files)
            {
                _cancellation.ThrowIfCancellationRequested();
                if (_loaded.Contains(file.Real))
                {
                    // An earlier file of the list included it already.
                    continue;
                }
                if (file.Source is null)
                {
                    Report(Messages.IncludeUnreadable(file.Include, file.Error!), file.Location);
                    _content.Incomplete = true;
                    continue;
                }
                _loaded.Add(file.Real);
                _sources[file.Source.DisplayPath] = file.Source;
                _content.Files.Add(file.Source.DisplayPath);
                _content.Append(file.Content!);
                _diagnostics.AddRange(file.Diagnostics);
                LoadIncludes(file.Source, file.Real, file.Parser!.Includes, depth + 1);
            }
            _stack.RemoveAt(_stack.Count - 1);
        }

        private void ParseAlone(Parsed file, ValuePool pool)
        {
            var source = Read(file.File, out var error);
            file.Source = source;
            file.Error = error;
            if (source is null)
            {
                return;
            }
            file.Content = new ModelContent(pool);
            file.Parser = new FileParser(source, file.Content, file.Diagnostics, isRoot: false);
            file.Parser.Parse();
        }

        private IEnumerable<(string File, string Real, bool IsPattern)> Resolve(string folder, string include, SourceLocation location)
        {
            if (include.Length == 0)
            {
                Report(Messages.IncludeMissing(include), location);
                _content.Incomplete = true;
                return [];
            }
            if (include.Contains('\0', StringComparison.Ordinal))
            {
                Report(Messages.IncludeBadPath(include), location);
                _content.Incomplete = true;
                return [];
            }
            if (!Glob.IsPattern(include))
            {
                var full = Path.GetFullPath(Path.Combine(folder, include));
                var real = FilePaths.RealPath(full);
                if (!IsInsideRoot(full) || !FilePaths.IsUnder(real, _rootReal))
                {
                    // Refused before anything is opened, so nothing of a file outside the folder shows in a message.
                    Report(Messages.IncludeEscapes(include), location);
                    _content.Incomplete = true;
                    return [];
                }
                if (Directory.Exists(full))
                {
                    Report(Messages.IncludeUnreadable(include, Texts.Of("load.reason.include-folder")), location);
                    _content.Incomplete = true;
                    return [];
                }
                if (!File.Exists(full))
                {
                    Report(Messages.IncludeMissing(include), location);
                    _content.Incomplete = true;
                    return [];
                }
                return [(full, real, false)];
            }
            var prefix = FixedPrefix(folder, include);
            if (!IsInsideRoot(prefix) || !FilePaths.IsUnder(FilePaths.RealPath(prefix), _rootReal))
            {
                // A pattern starting in a folder outside the root's (or in a link to one) is refused without listing it.
                Report(Messages.IncludeEscapes(include), location);
                _content.Incomplete = true;
                return [];
            }
            var matches = Glob.Match(folder, include).Select(static f => (File: f, Real: FilePaths.RealPath(f))).ToList();
            var inside = matches.Where(m => IsInsideRoot(m.File) && FilePaths.IsUnder(m.Real, _rootReal)).ToList();
            if (inside.Count < matches.Count)
            {
                Report(Messages.IncludeEscapes(include), location);
                _content.Incomplete = true;
            }
            else if (matches.Count == 0)
            {
                Report(Messages.IncludeMatchesNothing(include), location);
                _content.Incomplete = true;
            }
            return inside.Select(static m => (m.File, m.Real, true));
        }

        /// <summary>The folder a pattern starts from: its segments before the first wildcard.</summary>
        private static string FixedPrefix(string folder, string pattern)
        {
            var segments = pattern.Replace('\\', '/').Split('/');
            var fixedPart = segments.TakeWhile(static s => !Glob.IsPattern(s));
            return Path.GetFullPath(Path.Combine([folder, .. fixedPart]));
        }

        private bool IsInsideRoot(string full) => full == _rootFolder ||
            full.StartsWith(_rootFolder.EndsWith(Path.DirectorySeparatorChar) ? _rootFolder : _rootFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        /// <summary>A file's length for scheduling, 0 when it cannot be read (reading it reports why).</summary>
        private static long SizeOf(string full)
        {
            try
            {
                return new FileInfo(full) is { Exists: true } info ? info.Length : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return 0;
            }
        }

        private SourceText? Read(string full, out LocalizedText? error)
        {
            error = null;
            try
            {
                switch (FilePaths.KindOf(full))
                {
                    case FileKind.Missing:
                        error = Texts.Of("load.reason.missing");
                        return null;
                    case FileKind.Directory:
                        error = Texts.Of("load.reason.folder");
                        return null;
                    case FileKind.Special:
                        // A pipe would block the load until something writes to it; a device such as /dev/zero never ends.
                        error = Texts.Of("load.reason.special");
                        return null;
                }
                var tooLarge = Texts.Of("load.reason.too-large", _options.MaxFileBytes);
                if (new FileInfo(full).Length > _options.MaxFileBytes)
                {
                    error = tooLarge;
                    return null;
                }
                var display = Display(full);
                var bytes = NativeFileBytes.Read(full);
                SourceText source;
                if (bytes is null)
                {
                    // A file that reports no length (some virtual files do): read it, counting the bytes actually read.
                    var read = ReadBounded(full, _options.MaxFileBytes);
                    if (read is null)
                    {
                        error = tooLarge;
                        return null;
                    }
                    source = new SourceText(display, full, read);
                }
                else if (bytes.Memory.Length > _options.MaxFileBytes)
                {
                    ((IDisposable)bytes).Dispose();
                    error = tooLarge;
                    return null;
                }
                else
                {
                    source = new SourceText(display, full, bytes.Memory, bytes);
                }
                lock (_read)
                {
                    _read.Add(source);
                }
                return source;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                error = LocalizedText.Neutral(e.Message);
                return null;
            }
        }

        /// <summary>The whole file, or <see langword="null"/> when it holds more than <paramref name="max"/> bytes.</summary>
        private static byte[]? ReadBounded(string full, long max)
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > max)
                {
                    return null;
                }
            }
            return buffer.ToArray();
        }

        private string Display(string full)
        {
            // Files under the display base are shown relative to it; others by absolute path rather than ../../..
            var relative = Path.GetRelativePath(_displayBase, full);
            var outside = Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            return (outside ? full : relative).Replace('\\', '/');
        }

        private void Report(LocalizedText message, SourceLocation location, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.IncludeProblem, severity, message, location));
    }
}
