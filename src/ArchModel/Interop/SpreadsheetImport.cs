using ArchModel.Localization;
using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Loading;
using ArchModel.Model;

namespace ArchModel.Interop;

/// <summary>
/// Reads a workbook (.xlsx) or a folder of CSV files in the layout of <see cref="SheetSchema"/> — an export, or the
/// empty template filled in by hand — into a model, validated by the same validator as a JSON model. Every diagnostic is
/// located at its cell: <c>台账.xlsx[系统]!D7</c> (<c>系统.csv!D7</c> for a CSV file).
/// </summary>
/// <remarks>
/// Nothing typed is silently changed: a value with spaces at its ends, an id with full-width characters, a number typed
/// as text is reported (docs/spreadsheets.md says which are errors and which warnings). Chinese names of enum values
/// (<c>县级</c>, <c>运行中</c>) are read as their values. Never throws on bad input.
/// </remarks>
public static class SpreadsheetImport
{
    /// <summary>Reads a workbook from <paramref name="input"/>; <paramref name="fileName"/> is the name diagnostics show.</summary>
    public static LoadResult ReadXlsx(Stream input, string fileName)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fileName);
        List<Table> tables;
        try
        {
            tables = XlsxFile.Read(input, fileName);
        }
        catch (InvalidDataException e)
        {
            return Failed(fileName, SheetMessages.NotWorkbook(fileName, e.Message));
        }
        return new Importer(tables, fileName, Path.GetFileNameWithoutExtension(fileName)).Run();
    }

    /// <summary>
    /// Reads every <c>*.csv</c> file of <paramref name="folder"/> (ordinal order of names); <paramref name="displayFolder"/>
    /// is how diagnostics show the folder (default: as given).
    /// </summary>
    public static LoadResult ReadCsvFolder(string folder, string? displayFolder = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var shown = (displayFolder ?? folder).Replace('\\', '/').TrimEnd('/');
        if (!Directory.Exists(folder))
        {
            return Failed(shown, SheetMessages.Unreadable(shown, Texts.Of("sheet-message.reason.folder-not-found")));
        }
        return ReadCsv(Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).Select(p => (p, $"{shown}/{Path.GetFileName(p)}")), shown,
            Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)));
    }

    private static LoadResult ReadCsv(IEnumerable<(string Path, string Shown)> files, string shown, string defaultId)
    {
        var tables = new List<Table>();
        var problems = new List<Diagnostic>();
        foreach (var (path, file) in files)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Diagnostic(DiagnosticCodes.InvalidJson, DiagnosticSeverity.Error, SheetMessages.Unreadable(file, e.Message), SourceLocation.ForCell(file, null, 1, 1, "")));
                continue;
            }
            if (!CsvFiles.TryRead(bytes, name, file, out var table))
            {
                problems.Add(new Diagnostic(DiagnosticCodes.InvalidJson, DiagnosticSeverity.Error, SheetMessages.NotUtf8(file), SourceLocation.ForCell(file, null, 1, 1, "")));
                continue;
            }
            tables.Add(table);
        }
        return new Importer(tables, shown, defaultId, problems).Run();
    }

    /// <summary>Reads <paramref name="path"/>: a folder of CSV files, one CSV file, or a workbook; diagnostics show it as given.</summary>
    public static LoadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return ReadCsvFolder(path);
        }
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
        {
            // One sheet's CSV file alone (系统.csv): read as a folder holding only it.
            var shown = path.Replace('\\', '/');
            return ReadCsv([(path, shown)], shown, Path.GetFileNameWithoutExtension(path));
        }
        try
        {
            using var stream = File.OpenRead(path);
            return ReadXlsx(stream, path.Replace('\\', '/'));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, SheetMessages.Unreadable(path, e.Message));
        }
    }

    private static LoadResult Failed(string file, LocalizedText message) =>
        new(null, [new Diagnostic(DiagnosticCodes.InvalidJson, DiagnosticSeverity.Error, message, SourceLocation.ForCell(file, null, 1, 1, ""))], [file], rootReadFailed: true);

    /// <summary>Where one element's row is, and where the rows of its nested objects are, for the locator.</summary>
    private sealed class RowRef(Table table, int row, Dictionary<string, int> columns, int fallbackColumn)
    {
        public Table Table { get; } = table;
        public int Row { get; } = row;
        public Dictionary<string, int> Columns { get; } = columns;
        public int FallbackColumn { get; } = fallbackColumn;
        public Dictionary<string, RowRef> Nested { get; } = new(StringComparer.Ordinal);

        public SourceLocation Cell(string key, string path) =>
            SourceLocation.ForCell(Table.File, Table.Sheet, Row, Columns.GetValueOrDefault(key, FallbackColumn), path);
    }

    /// <summary>One row of a recognised sheet, read cell by cell with diagnostics at each cell.</summary>
    private sealed class Reader(Importer importer, Table table, SheetDefinition sheet, Dictionary<string, int> columns, TableRow row)
    {
        public TableRow Row { get; } = row;
        public Table Table { get; } = table;
        public Dictionary<string, int> Columns { get; } = columns;

        /// <summary>Whether a required cell was empty or unreadable: the row is left out.</summary>
        public bool Broken { get; private set; }

        public SourceLocation At(string key) =>
            SourceLocation.ForCell(Table.File, Table.Sheet, Row.Number, Columns.GetValueOrDefault(key, 1), $"{sheet.Key}.{key}");

        private string Header(string key) => sheet.Column(key)!.Header(importer.Language);

        private void Error(string code, string key, LocalizedText message, bool breaks)
        {
            importer.Report(code, DiagnosticSeverity.Error, message, At(key));
            if (breaks && sheet.Column(key)!.Required)
            {
                Broken = true;
            }
        }

        /// <summary>The cell's text, or <see langword="null"/> when empty (reporting it when required).</summary>
        private string? Raw(string key, out CellData cell)
        {
            cell = Columns.TryGetValue(key, out var c) ? Row[c] : CellData.Empty;
            if (cell.Kind == CellKind.Empty || (cell.Kind == CellKind.Text && string.IsNullOrWhiteSpace(cell.Text)))
            {
                var column = sheet.Column(key)!;
                if (column.Required)
                {
                    Error(DiagnosticCodes.MissingProperty, key, SheetMessages.EmptyRequired(Header(key),
                        column.Refers is { } k ? ModelValidator.KindWithArticle(k) : null), breaks: true);
                }
                return null;
            }
            return cell.Text;
        }

        /// <summary>Free text, kept as typed; spaces at its ends are a warning.</summary>
        public string? Text(string key)
        {
            var text = Raw(key, out _);
            if (text is not null && text.Trim().Length != text.Length)
            {
                importer.Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Warning, SheetMessages.TextSpaces(Header(key), text), At(key));
            }
            return text;
        }

        /// <summary>A value that may not have spaces at its ends (ids, references, enums, numbers): they are an error.</summary>
        private string? Strict(string key)
        {
            var text = Raw(key, out _);
            if (text is not null && text.Trim().Length != text.Length)
            {
                Error(DiagnosticCodes.InvalidValue, key, SheetMessages.Spaces(Header(key), text), breaks: true);
                return null;
            }
            return text;
        }

        /// <summary>An id or a reference: no spaces at its ends, no full-width characters.</summary>
        public string? Id(string key)
        {
            var text = Strict(key);
            return text is null || !CheckId(key, text) ? null : text;
        }

        private bool CheckId(string key, string id)
        {
            foreach (var ch in id)
            {
                if (ch is >= '\uFF01' and <= '\uFF5E' or '\u3000' or '\u3002' or '\u3001')
                {
                    Error(DiagnosticCodes.InvalidValue, key, SheetMessages.FullWidth(Header(key), id, ch), breaks: true);
                    return false;
                }
            }
            return true;
        }

        /// <summary>Items separated by <c>;</c> (spaces around it belong to the separator); ids are checked as ids.</summary>
        public List<string> List(string key, bool ids)
        {
            var text = Strict(key);
            if (text is null)
            {
                return [];
            }
            var items = text.Split(';').Select(static s => s.Trim()).Where(static s => s.Length > 0).ToList();
            if (ids)
            {
                foreach (var item in items)
                {
                    if (!CheckId(key, item))
                    {
                        return [];
                    }
                    if (!ModelValidator.IsValidId(item))
                    {
                        Error(DiagnosticCodes.InvalidValue, key, SheetMessages.BadId(Header(key), item), breaks: true);
                        return [];
                    }
                }
            }
            return items;
        }

        /// <summary>The JSON spelling of an enum value typed as its JSON spelling or a Chinese name.</summary>
        public string? Enum(string key)
        {
            var text = Strict(key);
            if (text is null)
            {
                return null;
            }
            var values = sheet.Column(key)!.Values!;
            var value = values.Resolve(text);
            if (value is null)
            {
                Error(DiagnosticCodes.InvalidValue, key, SheetMessages.BadEnum(Header(key), text, values), breaks: true);
            }
            return value;
        }

        public T? Enum<T>(string key) where T : struct, System.Enum =>
            Enum(key) is { } json && JsonNames.TryParse<T>(json, out var value) ? value : null;

        public List<string> EnumList(string key)
        {
            var table = sheet.Column(key)!.Values!;
            var values = new List<string>();
            foreach (var item in List(key, ids: false))
            {
                if (table.Resolve(item) is { } json)
                {
                    values.Add(json);
                }
                else
                {
                    Error(DiagnosticCodes.InvalidValue, key, SheetMessages.BadEnum(Header(key), item, table), breaks: true);
                }
            }
            return values;
        }

        public bool? Bool(string key)
        {
            var text = Strict(key);
            if (text is null)
            {
                return null;
            }
            switch (text.ToLowerInvariant())
            {
                case "true" or "是": return true;
                case "false" or "否": return false;
                default:
                    Error(DiagnosticCodes.InvalidValue, key, SheetMessages.BadBoolean(Header(key), text), breaks: true);
                    return null;
            }
        }

        public double? Number(string key)
        {
            var text = Raw(key, out var cell);
            if (text is null)
            {
                return null;
            }
            if (cell.Kind == CellKind.Number)
            {
                return cell.Number;
            }
            if (text.Trim().Length != text.Length)
            {
                Error(DiagnosticCodes.InvalidValue, key, SheetMessages.Spaces(Header(key), text), breaks: true);
                return null;
            }
            if (!Numbers.TryParse(text, out var number) || text.Any(static ch => ch is >= '\uFF01' and <= '\uFF5E'))
            {
                Error(DiagnosticCodes.InvalidValue, key, SheetMessages.NotNumber(Header(key), text), breaks: true);
                return null;
            }
            if (Table.Typed)
            {
                // A CSV file has no types; a workbook's text cell holding a number is what makes sums and filters go wrong.
                importer.Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Warning, SheetMessages.NumberAsText(Header(key), text), At(key));
            }
            return number;
        }

        public long? Integer(string key)
        {
            if (Number(key) is not { } number)
            {
                return null;
            }
            if (number != Math.Floor(number) || Math.Abs(number) > 9e15)
            {
                Error(DiagnosticCodes.InvalidValue, key, SheetMessages.NotWhole(Header(key), ModelWriter.FormatNumber(number)), breaks: true);
                return null;
            }
            return (long)number;
        }
    }

    private sealed class Importer : ISourceLocator
    {
        private readonly List<Table> _tables;
        private readonly string _file;
        private readonly string _defaultId;
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly ModelContent _content = new();
        private readonly Dictionary<SourceLocation, RowRef> _rows = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, SourceLocation> _modelCells = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (SheetDefinition Sheet, Table Table, Dictionary<string, int> Columns)> _sheets = new(StringComparer.Ordinal);

        public Importer(List<Table> tables, string file, string defaultId, List<Diagnostic>? problems = null)
        {
            _tables = tables;
            _file = file;
            _defaultId = defaultId;
            _diagnostics.AddRange(problems ?? []);
        }

        /// <summary>The language the sheet's own titles are read in for messages: the workbook's (its sheet names tell).</summary>
        public Language Language { get; private set; } = Language.Chinese;

        public void Report(string code, DiagnosticSeverity severity, LocalizedText message, SourceLocation? location) =>
            _diagnostics.Add(new Diagnostic(code, severity, message, location));

        public LoadResult Run()
        {
            // The workbook's language: Chinese, the default, unless no sheet has its Chinese title and one has another language's.
            if (_tables.Count > 0 && _tables.All(static t => SheetSchema.FindSheet(t.Name) is not { } s || s.Title.Chinese != t.Name.Trim()))
            {
                Language = Texts.All.Skip(1).Select(static table => table.Language).FirstOrDefault(language => _tables.Any(t =>
                    SheetSchema.FindSheet(t.Name) is { } s && s.Title[language].Equals(t.Name.Trim(), StringComparison.OrdinalIgnoreCase)), Language.Chinese);
            }
            Recognise();
            ReadModelSheet();
            var nested = ReadNested();
            var properties = ReadProperties();
            ReadElements(nested, properties);
            ReadSuppressions();
            CheckNestedOwners(nested);
            CheckPropertyOwners(nested, properties);

            var validation = new List<Diagnostic>();
            var index = ModelValidator.AssignIdsIndexAndValidate(_content, this, validation);
            foreach (var d in validation)
            {
                var hint = SheetMessages.Hint(d.Code);
                _diagnostics.Add(hint.English.Length == 0 || d.Location is not { IsCell: true } ? d
                    : d with { Message = LocalizedText.Compose((message: d.Message, hint), static (s, language) => s.message[language] + Texts.Get("p.space", language) + s.hint[language]) });
            }
            var order = _tables.Select(static (t, i) => (t.File + "\u0000" + t.Sheet, i)).GroupBy(static x => x.Item1)
                .ToDictionary(static g => g.Key, static g => g.First().i, StringComparer.Ordinal);
            var sorted = _diagnostics
                .OrderBy(d => d.Location is null ? -1 : order.GetValueOrDefault(d.Location.File + "\u0000" + d.Location.Sheet, int.MaxValue))
                .ThenBy(static d => d.Location?.Line ?? 0).ThenBy(static d => d.Location?.Column ?? 0)
                .ThenBy(static d => d.Code, StringComparer.Ordinal).ThenBy(static d => d.Message.English, StringComparer.Ordinal)
                .ToList();
            var files = _tables.Select(static t => t.File).Distinct(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                files.Add(_file);
            }
            return new LoadResult(new ArchitectureModel(_content, index), sorted, files, rootReadFailed: false);
        }

        /// <summary>Finds each table's sheet and reads its header row.</summary>
        private void Recognise()
        {
            foreach (var table in _tables)
            {
                var sheet = SheetSchema.FindSheet(table.Name);
                var a1 = SourceLocation.ForCell(table.File, table.Sheet, 1, 1, "");
                if (sheet is null)
                {
                    Report(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Warning, SheetMessages.UnknownSheet(table.Name), a1);
                    continue;
                }
                if (sheet == SheetSchema.ReadmeSheet)
                {
                    continue;
                }
                if (_sheets.TryGetValue(sheet.Key, out var first))
                {
                    Report(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Warning, SheetMessages.RepeatedSheet(table.Name, first.Table.Name), a1);
                    continue;
                }
                var columns = new Dictionary<string, int>(StringComparer.Ordinal);
                var header = table.Rows.FirstOrDefault();
                if (header is not null)
                {
                    for (var c = 1; c <= header.Cells.Length; c++)
                    {
                        var text = header[c].Text.Trim();
                        if (text.Length == 0)
                        {
                            continue;
                        }
                        var at = SourceLocation.ForCell(table.File, table.Sheet, header.Number, c, "");
                        var key = SheetSchema.KeyOf(text) is { } k && sheet.Column(k) is not null ? k
                            : sheet.Columns.FirstOrDefault(col => col.Key == text || col.Title.Chinese == text
                                || Texts.All.Skip(1).Any(t => col.Title[t.Language].Equals(text, StringComparison.OrdinalIgnoreCase)))?.Key;
                        if (key is null)
                        {
                            Report(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Warning, SheetMessages.UnknownColumn(text), at);
                        }
                        else if (!columns.TryAdd(key, c))
                        {
                            Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, SheetMessages.RepeatedColumn(text), at);
                        }
                    }
                }
                var hasData = table.Rows.Skip(1).Any(static r => !r.IsBlank);
                var missing = sheet.Columns.Where(col => col.Required && !columns.ContainsKey(col.Key)).ToList();
                if (missing.Count > 0 && hasData)
                {
                    foreach (var col in missing)
                    {
                        Report(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, SheetMessages.MissingColumn(col.Header(Language)), a1);
                    }
                    continue;
                }
                _sheets[sheet.Key] = (sheet, table, columns);
            }
        }

        private IEnumerable<Reader> Rows(string key)
        {
            if (!_sheets.TryGetValue(key, out var s))
            {
                yield break;
            }
            foreach (var row in s.Table.Rows.Skip(1))
            {
                if (!row.IsBlank)
                {
                    yield return new Reader(this, s.Table, s.Sheet, s.Columns, row);
                }
            }
        }

        private RowRef Ref(Reader r, string fallbackKey) =>
            new(r.Table, r.Row.Number, r.Columns, r.Columns.GetValueOrDefault(fallbackKey, r.Columns.Count > 0 ? r.Columns.Values.Min() : 1));

        private void ReadModelSheet()
        {
            var info = new ModelInfo { Id = _defaultId };
            var settings = ModelSettings.Default;
            var severity = new SortedDictionary<string, SeveritySetting>(StringComparer.Ordinal);
            if (_sheets.TryGetValue("model", out var s))
            {
                _content.RootLocation = SourceLocation.ForCell(s.Table.File, s.Table.Sheet, 1, 1, "");
                foreach (var r in Rows("model"))
                {
                    var key = r.Text("key");
                    if (key is null)
                    {
                        continue;
                    }
                    key = key.Trim();
                    var at = r.At("value");
                    _modelCells[key] = at;
                    var empty = r.Row[s.Columns.GetValueOrDefault("value", 0)].IsEmpty;
                    if (empty)
                    {
                        continue;
                    }
                    switch (key)
                    {
                        case "id": info = info with { Id = r.Id("value") ?? info.Id }; break;
                        case "name": info = info with { Name = r.Text("value") }; break;
                        case "description": info = info with { Description = r.Text("value") }; break;
                        case "language":
                            var tag = r.Text("value")!;
                            if (LanguageTags.TryParse(tag.Trim(), out var language))
                            {
                                info = info with { Language = language };
                            }
                            else
                            {
                                Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, SheetMessages.BadLanguage(tag), at);
                            }
                            break;
                        case "asOf":
                            var cell = r.Row[s.Columns.GetValueOrDefault("value", 0)];
                            if (cell.Kind == CellKind.Number && cell.Number is > 0 and < 2958466)
                            {
                                info = info with { AsOf = DateOnly.FromDateTime(DateTime.FromOADate(cell.Number)) };
                            }
                            else if (DateOnly.TryParseExact(cell.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                            {
                                info = info with { AsOf = date };
                            }
                            else
                            {
                                Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, SheetMessages.BadDate("asOf", cell.Text), at);
                            }
                            break;
                        case "settings.duplicateNameSimilarity": settings = r.Number("value") is { } v1 ? settings with { DuplicateNameSimilarity = v1 } : settings; break;
                        case "settings.zombieMonthlyActiveUsers": settings = r.Integer("value") is { } v2 ? settings with { ZombieMonthlyActiveUsers = v2 } : settings; break;
                        case "settings.exposureMinProtectionLevel": settings = r.Integer("value") is { } v3 ? settings with { ExposureMinProtectionLevel = (int)v3 } : settings; break;
                        case "settings.localizationMinProtectionLevel": settings = r.Integer("value") is { } v4 ? settings with { LocalizationMinProtectionLevel = (int)v4 } : settings; break;
                        default:
                            if (key.StartsWith("settings.severity.", StringComparison.Ordinal))
                            {
                                var value = r.Text("value")!.Trim();
                                if (JsonNames.TryParse<SeveritySetting>(value, out var setting))
                                {
                                    severity[key["settings.severity.".Length..]] = setting;
                                }
                                else
                                {
                                    Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, SheetMessages.BadSeverity(value), at);
                                }
                            }
                            else if (key.StartsWith("targets.", StringComparison.Ordinal) && MetricNames.IsKnown(key["targets.".Length..]))
                            {
                                if (r.Number("value") is { } target)
                                {
                                    var metric = key["targets.".Length..];
                                    _content.Targets[metric] = target;
                                    _content.TargetLocations[metric] = at;
                                }
                            }
                            else
                            {
                                Report(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Warning, SheetMessages.UnknownModelKey(key), r.At("key"));
                            }
                            break;
                    }
                }
            }
            _content.Info = info;
            _content.Settings = severity.Count > 0 ? settings with { Severity = severity } : settings;
        }

        private sealed class NestedRows
        {
            public Dictionary<string, List<(NetworkLink Link, RowRef Row, Reader Reader)>> Links { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, (SystemUsage Usage, RowRef Row, Reader Reader)> Usage { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, (SystemCost Cost, RowRef Row, Reader Reader)> Costs { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, List<(SystemComponent Component, RowRef Row, Reader Reader)>> Components { get; } = new(StringComparer.Ordinal);
            public HashSet<string> Used { get; } = new(StringComparer.Ordinal);
        }

        private NestedRows ReadNested()
        {
            var nested = new NestedRows();
            foreach (var r in Rows("networkLinks"))
            {
                var network = r.Id("network");
                var to = r.Id("to");
                var via = r.Enum<LinkVia>("via");
                if (!r.Broken && network is not null && to is not null && via is { } v)
                {
                    Add(nested.Links, network, (new NetworkLink(to, v), Ref(r, "network"), r));
                }
            }
            foreach (var r in Rows("systemUsage"))
            {
                var system = r.Id("system");
                var usage = new SystemUsage(r.Integer("registeredUsers"), r.Integer("monthlyActiveUsers"));
                if (!r.Broken && system is not null && !Repeated(nested.Usage, system, r))
                {
                    nested.Usage[system] = (usage, Ref(r, "system"), r);
                }
            }
            foreach (var r in Rows("systemCosts"))
            {
                var system = r.Id("system");
                var cost = new SystemCost(r.Number("build"), r.Number("annualOperation"));
                if (!r.Broken && system is not null && !Repeated(nested.Costs, system, r))
                {
                    nested.Costs[system] = (cost, Ref(r, "system"), r);
                }
            }
            foreach (var r in Rows("systemComponents"))
            {
                var system = r.Id("system");
                var name = r.Text("name");
                var component = new SystemComponent(name ?? "", r.Enum<ComponentCategory>("category"), r.Enum<ComponentOrigin>("origin") ?? ComponentOrigin.Unknown, r.Text("vendor"));
                if (!r.Broken && system is not null)
                {
                    Add(nested.Components, system, (component, Ref(r, "system"), r));
                }
            }
            return nested;
        }

        private bool Repeated<T>(Dictionary<string, (T, RowRef Row, Reader Reader)> rows, string id, Reader r)
        {
            if (!rows.TryGetValue(id, out var first))
            {
                return false;
            }
            var header = SheetSchema.KindTitle(ElementKind.System)[Language];
            Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, SheetMessages.RepeatedRow(header, id, first.Reader.At("system")), r.At("system"));
            return true;
        }

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }
            list.Add(value);
        }

        private Dictionary<string, (SortedDictionary<string, object> Values, Reader Reader)> ReadProperties()
        {
            var properties = new Dictionary<string, (SortedDictionary<string, object> Values, Reader Reader)>(StringComparer.Ordinal);
            foreach (var r in Rows("properties"))
            {
                var element = r.Id("element");
                var name = r.Text("name");
                var type = r.Enum("type");
                var cell = r.Columns.TryGetValue("value", out var c) ? r.Row[c] : CellData.Empty;
                object? value = (type ?? (cell.Kind == CellKind.Number ? "number" : cell.Kind == CellKind.Boolean ? "boolean" : "string")) switch
                {
                    "number" => r.Number("value"),
                    "boolean" => r.Bool("value"),
                    _ => cell.IsEmpty ? "" : cell.Text,
                };
                if (r.Broken || element is null || name is null || value is null)
                {
                    continue;
                }
                if (!properties.TryGetValue(element, out var entry))
                {
                    properties[element] = entry = (new SortedDictionary<string, object>(StringComparer.Ordinal), r);
                }
                if (!entry.Values.TryAdd(name, value))
                {
                    Report(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, SheetMessages.RepeatedProperty(name, element), r.At("name"));
                }
            }
            return properties;
        }

        private void ReadElements(NestedRows nested, Dictionary<string, (SortedDictionary<string, object> Values, Reader Reader)> properties)
        {
            // A flow without an id gets FROM->TO (#2, #3, … in row order, skipping ids in use) from the validator; its
            // properties are keyed by that id, so it is worked out here the same way (docs/model-format.md).
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sheet in SheetSchema.Sheets.Where(static s => s.Kind is not null))
            {
                if (_sheets.TryGetValue(sheet.Key, out var entry) && entry.Columns.TryGetValue("id", out var idColumn))
                {
                    foreach (var row in entry.Table.Rows.Skip(1))
                    {
                        if (!row[idColumn].IsEmpty)
                        {
                            used.Add(row[idColumn].Text);
                        }
                    }
                }
            }
            var generated = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var sheet in SheetSchema.Sheets.Where(static s => s.Kind is not null))
            {
                var index = 0;
                foreach (var r in Rows(sheet.Key))
                {
                    var id = r.Id("id");
                    var row = Ref(r, "id");
                    var anchor = SourceLocation.ForCell(r.Table.File, r.Table.Sheet, r.Row.Number, row.FallbackColumn, $"{sheet.Key}[{index}]");
                    var element = Build(sheet.Kind!.Value, r, id, nested, row);
                    if (element is null || r.Broken)
                    {
                        if (id is not null)
                        {
                            _content.DroppedIds.Add(id);
                        }
                        continue;
                    }
                    var key = id;
                    if (element is Flow { IdGenerated: true } flow)
                    {
                        var stem = $"{flow.From}->{flow.To}";
                        var n = generated.GetValueOrDefault(stem);
                        do
                        {
                            n++;
                            key = n == 1 ? stem : $"{stem}#{n}";
                        }
                        while (used.Contains(key));
                        generated[stem] = n;
                        used.Add(key);
                    }
                    var props = key is not null && properties.TryGetValue(key, out var p) ? p.Values : null;
                    if (key is not null && props is not null)
                    {
                        nested.Used.Add("p:" + key);
                    }
                    element = element with
                    {
                        Description = r.Text("description"),
                        Tags = r.List("tags", ids: false),
                        FormerIds = r.List("formerIds", ids: true),
                        Properties = props ?? Element.EmptyProperties,
                        Location = anchor,
                    };
                    _rows[anchor] = row;
                    Add(element);
                    index++;
                }
            }
        }

        private void Add(Element element) => _content.Add(element);

        private Element? Build(ElementKind kind, Reader r, string? id, NestedRows nested, RowRef row)
        {
            switch (kind)
            {
                case ElementKind.Capability:
                {
                    var name = r.Text("name");
                    var parent = r.Id("parent");
                    var shareable = r.Bool("shareable") ?? false;
                    return id is null || name is null ? null : new Capability { Id = id, Name = name, Parent = parent, Shareable = shareable };
                }
                case ElementKind.Agency:
                {
                    var name = r.Text("name");
                    var level = r.Enum<AgencyLevel>("level");
                    var agency = new Agency
                    {
                        Id = id ?? "", Name = name ?? "", Level = level ?? default, Region = r.Text("region"), Sector = r.Text("sector"),
                        Parent = r.Id("parent"), AgencyKind = r.Enum<AgencyKind>("kind") ?? AgencyKind.Department,
                    };
                    return id is null || name is null || level is null ? null : agency;
                }
                case ElementKind.Network:
                {
                    var name = r.Text("name");
                    var networkKind = r.Enum<NetworkKind>("kind");
                    var network = new Network
                    {
                        Id = id ?? "", Name = name ?? "", NetworkKind = networkKind ?? default, Classified = r.Bool("classified"), Owner = r.Id("owner"),
                    };
                    if (id is null || name is null || networkKind is null)
                    {
                        return null;
                    }
                    if (nested.Links.TryGetValue(id, out var links) && nested.Used.Add("l:" + id))
                    {
                        for (var i = 0; i < links.Count; i++)
                        {
                            row.Nested[$"links[{i}]"] = links[i].Row;
                        }
                        network = network with { Links = [.. links.Select(static l => l.Link)] };
                    }
                    return network;
                }
                case ElementKind.Platform:
                {
                    var name = r.Text("name");
                    var platformKind = r.Enum<PlatformKind>("kind");
                    var platform = new Platform
                    {
                        Id = id ?? "", Name = name ?? "", PlatformKind = platformKind ?? default, Shared = r.Bool("shared") ?? false,
                        Owner = r.Id("owner"), Region = r.Text("region"), Networks = r.List("networks", ids: true),
                    };
                    return id is null || name is null || platformKind is null ? null : platform;
                }
                case ElementKind.System:
                {
                    var name = r.Text("name");
                    var owner = r.Id("owner");
                    var system = new InformationSystem
                    {
                        Id = id ?? "", Name = name ?? "", Owner = owner ?? "", Aliases = r.List("aliases", ids: false),
                        Capabilities = r.List("capabilities", ids: true), Status = r.Enum<SystemStatus>("status") ?? SystemStatus.Operational,
                        UsedBy = r.List("usedBy", ids: true), Networks = r.List("networks", ids: true), Hosting = r.Id("hosting"),
                        ProtectionLevel = r.Integer("protectionLevel") is { } level ? (int)Math.Clamp(level, int.MinValue, int.MaxValue) : null,
                        Holds = r.List("holds", ids: true), Project = r.Id("project"), Standalone = r.Bool("standalone") ?? false,
                    };
                    if (id is null || name is null || owner is null)
                    {
                        return null;
                    }
                    if (nested.Used.Add("s:" + id))
                    {
                        if (nested.Usage.TryGetValue(id, out var usage))
                        {
                            row.Nested["usage"] = usage.Row;
                            system = system with { Usage = usage.Usage };
                        }
                        if (nested.Costs.TryGetValue(id, out var cost))
                        {
                            row.Nested["cost"] = cost.Row;
                            system = system with { Cost = cost.Cost };
                        }
                        if (nested.Components.TryGetValue(id, out var components))
                        {
                            for (var i = 0; i < components.Count; i++)
                            {
                                row.Nested[$"components[{i}]"] = components[i].Row;
                            }
                            system = system with { Components = [.. components.Select(static c => c.Component)] };
                        }
                    }
                    return system;
                }
                case ElementKind.DataResource:
                {
                    var name = r.Text("name");
                    var owner = r.Id("owner");
                    var resource = new DataResource
                    {
                        Id = id ?? "", Name = name ?? "", Owner = owner ?? "", Category = r.Enum<ResourceCategory>("category"),
                        Sharing = r.Enum<SharingLevel>("sharing") ?? SharingLevel.Conditional, Open = r.Bool("open") ?? false,
                        Classified = r.Bool("classified") ?? false,
                    };
                    return id is null || name is null || owner is null ? null : resource;
                }
                case ElementKind.Flow:
                {
                    var from = r.Id("from");
                    var to = r.Id("to");
                    var flow = new Flow
                    {
                        Id = id ?? "", IdGenerated = id is null, From = from ?? "", To = to ?? "", Carries = r.List("carries", ids: true),
                        Via = r.List("via", ids: true), Mode = r.Enum<FlowMode>("mode"), Status = r.Enum<FlowStatus>("status") ?? FlowStatus.Active,
                    };
                    return from is null || to is null ? null : flow;
                }
                case ElementKind.Service:
                {
                    var name = r.Text("name");
                    var provider = r.Id("provider");
                    var service = new Service
                    {
                        Id = id ?? "", Name = name ?? "", Provider = provider ?? "", Systems = r.List("systems", ids: true),
                        Channels = [.. r.EnumList("channels").Select(static c => JsonNames.TryParse<ServiceChannel>(c, out var v) ? v : ServiceChannel.Other)],
                    };
                    return id is null || name is null || provider is null ? null : service;
                }
                case ElementKind.Project:
                {
                    var name = r.Text("name");
                    var agency = r.Id("agency");
                    var project = new Project
                    {
                        Id = id ?? "", Name = name ?? "", Agency = agency ?? "", Budget = r.Number("budget"),
                        Year = r.Integer("year") is { } year ? (int)Math.Clamp(year, int.MinValue, int.MaxValue) : null,
                        Stage = r.Enum<ProjectStage>("stage"), Delivers = r.List("delivers", ids: true),
                    };
                    return id is null || name is null || agency is null ? null : project;
                }
                default:
                    return null;
            }
        }

        private void ReadSuppressions()
        {
            foreach (var r in Rows("suppressions"))
            {
                var rule = r.Text("rule");
                var elements = r.List("elements", ids: true);
                var justification = r.Text("justification");
                if (r.Broken || rule is null || justification is null)
                {
                    continue;
                }
                var row = Ref(r, "rule");
                var anchor = SourceLocation.ForCell(r.Table.File, r.Table.Sheet, r.Row.Number, row.FallbackColumn, $"suppressions[{_content.Suppressions.Count}]");
                _rows[anchor] = row;
                _content.Suppressions.Add(new Suppression { Rule = rule, Elements = elements, Justification = justification, Location = anchor });
            }
        }

        /// <summary>Nested rows whose owner is not a row of the owner's sheet (a dropped row's are not reported again).</summary>
        private void CheckNestedOwners(NestedRows nested)
        {
            void Check(string prefix, string id, Reader reader, string key, ElementKind kind)
            {
                if (!nested.Used.Contains(prefix + id) && !_content.DroppedIds.Contains(id))
                {
                    Report(DiagnosticCodes.UnknownReference, DiagnosticSeverity.Error,
                        SheetMessages.UnknownOwner(reader.Columns.ContainsKey(key) ? SheetSchema.Sheets.First(s => s.Key == Sheet(reader)).Column(key)!.Header(Language) : key,
                            id, SheetSchema.KindTitle(kind)[Language]), reader.At(key));
                }
            }
            foreach (var (id, links) in nested.Links)
            {
                foreach (var link in links)
                {
                    Check("l:", id, link.Reader, "network", ElementKind.Network);
                }
            }
            foreach (var (id, usage) in nested.Usage)
            {
                Check("s:", id, usage.Reader, "system", ElementKind.System);
            }
            foreach (var (id, cost) in nested.Costs)
            {
                Check("s:", id, cost.Reader, "system", ElementKind.System);
            }
            foreach (var (id, components) in nested.Components)
            {
                foreach (var component in components)
                {
                    Check("s:", id, component.Reader, "system", ElementKind.System);
                }
            }
        }

        private string Sheet(Reader reader) => _sheets.First(s => s.Value.Table == reader.Table).Key;

        private void CheckPropertyOwners(NestedRows nested, Dictionary<string, (SortedDictionary<string, object> Values, Reader Reader)> properties)
        {
            foreach (var (id, entry) in properties)
            {
                if (!nested.Used.Contains("p:" + id) && !_content.DroppedIds.Contains(id))
                {
                    Report(DiagnosticCodes.UnknownReference, DiagnosticSeverity.Error,
                        SheetMessages.UnknownElement(SheetSchema.PropertiesSheet.Column("element")!.Header(Language), id),
                        entry.Reader.At("element"));
                }
            }
        }

        /// <summary>The cell of a value the validator found a problem with, inside the element at <paramref name="anchor"/>.</summary>
        public SourceLocation? Locate(SourceLocation? anchor, string relativePath)
        {
            if (anchor is null)
            {
                return null;
            }
            var path = anchor.Path.Length == 0 ? relativePath : $"{anchor.Path}.{relativePath}";
            if (ReferenceEquals(anchor, _content.RootLocation))
            {
                return _modelCells.TryGetValue(relativePath, out var cell) ? cell with { Path = relativePath } : anchor with { Path = relativePath };
            }
            if (!_rows.TryGetValue(anchor, out var row))
            {
                return anchor with { Path = path };
            }
            var dot = relativePath.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && row.Nested.TryGetValue(relativePath[..dot], out var nested))
            {
                return nested.Cell(StripIndex(relativePath[(dot + 1)..]), path);
            }
            return row.Cell(StripIndex(dot > 0 ? relativePath[..dot] : relativePath), path);
        }

        private static string StripIndex(string segment)
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0 ? segment : segment[..bracket];
        }
    }
}
