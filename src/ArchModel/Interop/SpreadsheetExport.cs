using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Interop;

/// <summary>
/// Writes a model as a workbook (one sheet per element kind and per nested object, a model sheet and a readme sheet)
/// or as a folder of CSV files (one per sheet), in the layout <see cref="SheetSchema"/> defines; with no model, the
/// empty template agencies fill in. docs/spreadsheets.md describes the layout.
/// </summary>
/// <remarks>Deterministic: the same model and language give the same bytes. Elements are written in the model's order.</remarks>
public static class SpreadsheetExport
{
    /// <summary>How many notes the readme sheet opens with (<c>sheet.readme.note.1</c> …).</summary>
    private const int ReadmeNotes = 6;

    /// <summary>Writes <paramref name="model"/> (or, when <see langword="null"/>, the empty template) as an .xlsx workbook.</summary>
    public static void WriteXlsx(ArchitectureModel? model, Stream output, Language language)
    {
        ArgumentNullException.ThrowIfNull(output);
        XlsxFile.Write(output, Tables(model, language), Texts.Of("sheet.not-listed"), language);
    }

    /// <summary>Writes <paramref name="model"/> (or the empty template) as CSV files, one per sheet, named after the sheets (<c>系统.csv</c>).</summary>
    public static IReadOnlyList<ModelFile> WriteCsv(ArchitectureModel? model, Language language) =>
        [.. Tables(model, language).Select(static t => new ModelFile(t.Name + ".csv", CsvFiles.Write(t)))];

    internal static List<Table> Tables(ArchitectureModel? model, Language language)
    {
        var tables = new List<Table>();
        foreach (var sheet in SheetSchema.Sheets)
        {
            var table = Start(sheet, language);
            var rows = model is null ? (sheet == SheetSchema.ModelSheet ? TemplateModelRows() : []) : Rows(sheet, model);
            foreach (var row in rows)
            {
                table.Rows.Add(new TableRow(table.Rows.Count + 1, row));
            }
            Finish(table, sheet);
            tables.Add(table);
        }
        tables.Add(Readme(language));
        return tables;
    }

    private static Table Start(SheetDefinition sheet, Language language)
    {
        var name = sheet.Title[language];
        var table = new Table(name, name, name, typed: true);
        table.Rows.Add(new TableRow(1, [.. sheet.Columns.Select(c => CellData.Of(c.Header(language)))]));
        return table;
    }

    private static void Finish(Table table, SheetDefinition sheet)
    {
        for (var c = 1; c <= sheet.Columns.Count; c++)
        {
            var column = sheet.Columns[c - 1];
            var widest = table.Rows.Max(r => DisplayWidth(r[c].Text));
            table.Widths.Add(Math.Clamp(widest + 2, 8, 60));
            if (column.Type is not (ColumnType.Integer or ColumnType.Number))
            {
                table.TextColumns.Add(c);
            }
            if (column.Type == ColumnType.Enum && column.Values is { } values)
            {
                table.DropDowns.Add((c, [.. values.JsonValues]));
            }
            else if (column.Type == ColumnType.Boolean)
            {
                table.DropDowns.Add((c, ["true", "false"]));
            }
        }
    }

    /// <summary>How wide a text shows: CJK and other wide characters count two.</summary>
    private static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var ch in text)
        {
            width += ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFF00 && ch <= 0xFF60)) ? 2 : 1;
        }
        return width;
    }

    private static Table Readme(Language language)
    {
        var sheet = SheetSchema.ReadmeSheet;
        var table = Start(sheet, language);
        // The readme's notes, numbered keys in the language tables (sheet.readme.note.1, …).
        var notes = Enumerable.Range(1, ReadmeNotes).Select(n => Texts.Get("sheet.readme.note." + n.ToString(CultureInfo.InvariantCulture), language));
        var all = Texts.Get("sheet.readme.all", language);
        foreach (var note in notes)
        {
            table.Rows.Add(new TableRow(table.Rows.Count + 1, [CellData.Of(all), CellData.Empty, CellData.Empty, CellData.Empty, CellData.Of(note), CellData.Empty]));
        }
        foreach (var s in SheetSchema.Sheets)
        {
            table.Rows.Add(new TableRow(table.Rows.Count + 1, [CellData.Of(s.Title[language]), CellData.Empty, CellData.Empty, CellData.Empty, CellData.Of(s.Meaning[language]), CellData.Empty]));
            foreach (var c in s.Columns)
            {
                table.Rows.Add(new TableRow(table.Rows.Count + 1,
                [
                    CellData.Of(s.Title[language]), CellData.Of(c.Header(language)), CellData.Of(SheetSchema.TypeName(c)[language]),
                    CellData.Of(c.Required ? Texts.Get("sheet.readme.required", language) : ""), CellData.Of(c.Meaning[language]), CellData.Of(SheetSchema.ValuesText(c, language)),
                ]));
            }
        }
        table.Widths.AddRange([14, 30, 22, 8, 80, 60]);
        return table;
    }

    private static IEnumerable<CellData[]> TemplateModelRows() =>
        new[] { "id", "name", "description", "language", "asOf" }.Select(static k => new[] { CellData.Of(k), CellData.Empty });

    private static IEnumerable<CellData[]> Rows(SheetDefinition sheet, ArchitectureModel model)
    {
        CellData[] Row(Element e) => [.. sheet.Columns.Select(c => Value(e, c.Key))];
        switch (sheet.Key)
        {
            case "model": return ModelRows(model);
            case "capabilities": return model.Capabilities.Select(Row);
            case "agencies": return model.Agencies.Select(Row);
            case "networks": return model.Networks.Select(Row);
            case "networkLinks":
                return model.Networks.SelectMany(static n => n.Links.Select(l => new[] { CellData.Of(n.Id), CellData.Of(l.To), CellData.Of(JsonNames.Of(l.Via)) }));
            case "platforms": return model.Platforms.Select(Row);
            case "systems": return model.Systems.Select(Row);
            case "systemUsage":
                return model.Systems.Where(static s => s.Usage is not null).Select(static s => new[]
                    { CellData.Of(s.Id), Integer(s.Usage!.RegisteredUsers), Integer(s.Usage.MonthlyActiveUsers) });
            case "systemCosts":
                return model.Systems.Where(static s => s.Cost is not null).Select(static s => new[]
                    { CellData.Of(s.Id), Number(s.Cost!.Build), Number(s.Cost.AnnualOperation) });
            case "systemComponents":
                return model.Systems.SelectMany(static s => s.Components.Select(c => new[]
                {
                    CellData.Of(s.Id), CellData.Of(c.Name), CellData.Of(c.Category is { } category ? JsonNames.Of(category) : null),
                    CellData.Of(c.Origin == ComponentOrigin.Unknown ? null : JsonNames.Of(c.Origin)), CellData.Of(c.Vendor),
                }));
            case "dataResources": return model.DataResources.Select(Row);
            case "flows": return model.Flows.Select(Row);
            case "services": return model.Services.Select(Row);
            case "projects": return model.Projects.Select(Row);
            case "suppressions":
                return model.Suppressions.Select(static s => new[] { CellData.Of(s.Rule), CellData.Of(string.Join(";", s.Elements ?? [])), CellData.Of(s.Justification) });
            case "properties":
                return model.Elements.SelectMany(static e => e.Properties.OrderBy(static kv => kv.Key, StringComparer.Ordinal).Select(kv => new[]
                {
                    CellData.Of(e.Id), CellData.Of(kv.Key),
                    kv.Value switch { bool b => CellData.Of(b ? "true" : "false"), double d => CellData.Of(d), _ => CellData.Of(kv.Value.ToString()) },
                    CellData.Of(kv.Value switch { bool => "boolean", double => "number", _ => "string" }),
                }));
            default: return [];
        }
    }

    private static IEnumerable<CellData[]> ModelRows(ArchitectureModel model)
    {
        CellData[] Pair(string key, string? value) => [CellData.Of(key), CellData.Of(value)];
        var info = model.Info;
        yield return Pair("id", info.Id);
        yield return Pair("name", info.Name);
        yield return Pair("description", info.Description);
        yield return Pair("language", info.Language.ToTag());
        yield return Pair("asOf", info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var s = model.Settings;
        var d = ModelSettings.Default;
        if (!s.DuplicateNameSimilarity.Equals(d.DuplicateNameSimilarity)) yield return [CellData.Of("settings.duplicateNameSimilarity"), CellData.Of(s.DuplicateNameSimilarity)];
        if (s.ZombieMonthlyActiveUsers != d.ZombieMonthlyActiveUsers) yield return [CellData.Of("settings.zombieMonthlyActiveUsers"), CellData.Of(s.ZombieMonthlyActiveUsers)];
        if (s.ExposureMinProtectionLevel != d.ExposureMinProtectionLevel) yield return [CellData.Of("settings.exposureMinProtectionLevel"), CellData.Of(s.ExposureMinProtectionLevel)];
        if (s.LocalizationMinProtectionLevel != d.LocalizationMinProtectionLevel) yield return [CellData.Of("settings.localizationMinProtectionLevel"), CellData.Of(s.LocalizationMinProtectionLevel)];
        foreach (var (rule, severity) in s.Severity.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
        {
            yield return Pair($"settings.severity.{rule}", JsonNames.Of(severity));
        }
        foreach (var (metric, value) in model.Targets)
        {
            yield return [CellData.Of($"targets.{metric}"), CellData.Of(value)];
        }
    }

    private static CellData Integer(long? value) => value is { } v ? CellData.Of(v) : CellData.Empty;

    private static CellData Number(double? value) => value is { } v ? CellData.Of(v) : CellData.Empty;

    private static CellData List(IReadOnlyList<string> values) => CellData.Of(values.Count == 0 ? null : string.Join(";", values));

    private static CellData Enum<T>(T? value) where T : struct, System.Enum => CellData.Of(value is { } v ? JsonNames.Of(v) : null);

    private static CellData Bool(bool value) => value ? CellData.Of("true") : CellData.Empty;

    /// <summary>The cell of one column of an element's row; values equal to the defaults are left empty.</summary>
    private static CellData Value(Element e, string key)
    {
        switch (key)
        {
            case "id": return e is Flow { IdGenerated: true } ? CellData.Empty : CellData.Of(e.Id);
            case "name" when e is NamedElement n: return CellData.Of(n.Name);
            case "description": return CellData.Of(e.Description);
            case "tags": return List(e.Tags);
            case "formerIds": return List(e.FormerIds);
        }
        return e switch
        {
            Capability c => key switch { "parent" => CellData.Of(c.Parent), "shareable" => Bool(c.Shareable), _ => CellData.Empty },
            Agency a => key switch
            {
                "level" => Enum<AgencyLevel>(a.Level), "region" => CellData.Of(a.Region), "sector" => CellData.Of(a.Sector),
                "parent" => CellData.Of(a.Parent), "kind" => a.AgencyKind == AgencyKind.Department ? CellData.Empty : Enum<AgencyKind>(a.AgencyKind),
                _ => CellData.Empty,
            },
            Network n => key switch
            {
                "kind" => Enum<NetworkKind>(n.NetworkKind),
                "classified" => n.Classified is { } classified ? CellData.Of(classified ? "true" : "false") : CellData.Empty,
                "owner" => CellData.Of(n.Owner), _ => CellData.Empty,
            },
            Platform p => key switch
            {
                "kind" => Enum<PlatformKind>(p.PlatformKind), "shared" => Bool(p.Shared), "owner" => CellData.Of(p.Owner),
                "region" => CellData.Of(p.Region), "networks" => List(p.Networks), _ => CellData.Empty,
            },
            InformationSystem s => key switch
            {
                "owner" => CellData.Of(s.Owner), "aliases" => List(s.Aliases), "capabilities" => List(s.Capabilities),
                "status" => s.Status == SystemStatus.Operational ? CellData.Empty : Enum<SystemStatus>(s.Status),
                "usedBy" => List(s.UsedBy), "networks" => List(s.Networks), "hosting" => CellData.Of(s.Hosting),
                "protectionLevel" => Integer(s.ProtectionLevel), "holds" => List(s.Holds), "project" => CellData.Of(s.Project),
                "standalone" => Bool(s.Standalone), _ => CellData.Empty,
            },
            DataResource d => key switch
            {
                "owner" => CellData.Of(d.Owner), "category" => Enum(d.Category),
                "sharing" => d.Sharing == SharingLevel.Conditional ? CellData.Empty : Enum<SharingLevel>(d.Sharing),
                "open" => Bool(d.Open), "classified" => Bool(d.Classified), _ => CellData.Empty,
            },
            Flow f => key switch
            {
                "from" => CellData.Of(f.From), "to" => CellData.Of(f.To), "carries" => List(f.Carries), "via" => List(f.Via),
                "mode" => Enum(f.Mode), "status" => f.Status == FlowStatus.Active ? CellData.Empty : Enum<FlowStatus>(f.Status),
                _ => CellData.Empty,
            },
            Service s => key switch
            {
                "provider" => CellData.Of(s.Provider), "systems" => List(s.Systems),
                "channels" => List([.. s.Channels.Select(static c => JsonNames.Of(c))]), _ => CellData.Empty,
            },
            Project p => key switch
            {
                "agency" => CellData.Of(p.Agency), "budget" => Number(p.Budget), "year" => Integer(p.Year), "stage" => Enum(p.Stage),
                "delivers" => List(p.Delivers), _ => CellData.Empty,
            },
            _ => CellData.Empty,
        };
    }
}
