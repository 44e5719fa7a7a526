using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Model;
using Scriban.Runtime;

namespace ArchModel.Documents;

/// <summary>
/// The per-agency half of <c>metrics</c>: <c>agencies</c> (each with its <c>values</c> and <c>by_name</c>) and the
/// <c>rankings</c>' entries. A national model has over a hundred thousand agencies owning systems, each with a
/// value and a ranking entry per metric, so these records are <see cref="ComputedScriptObject"/>s over the
/// analysis's own numbers rather than script objects holding copies of them.
/// </summary>
internal sealed partial class ViewModelBuilder
{
    private static readonly ScriptSchema MetricValueSchema = new(
        "name", "key", "label", "definition", "value", "display", "ratio", "direction", "arrow", "direction_label", "met");

    private static readonly ScriptSchema AgencyMetricsSchema = new(
        "id", "name", "anchor", "level_label", "systems", "values", "by_name");

    private static readonly ScriptSchema RankingEntrySchema = new("rank", "id", "name", "anchor", "value", "display", "row");

    private static readonly ScriptSchema PerAgencyMetricsSchema = new(MetricsReport.PerAgencyMetrics.Select(Snake).ToArray());

    /// <summary>What every value of one per-agency metric shares: its words, in the document's language, and the model's target.</summary>
    private sealed class MetricColumn
    {
        public MetricColumn(ViewModelBuilder b, string metric, TargetResult? target)
        {
            var higher = MetricNames.HigherIsBetter(metric);
            Metric = metric;
            Key = Snake(metric);
            Label = b.L(Labels.Metric(metric));
            Definition = b.L(Labels.MetricDefinition(metric));
            Ratio = MetricNames.IsRatio(metric);
            Higher = higher;
            DirectionLabel = b.T(higher ? "scorecard.higher" : "scorecard.lower");
            Target = target?.Target;
            Language = b._lang;
        }

        public string Metric { get; }
        public string Key { get; }
        public string Label { get; }
        public string Definition { get; }
        public bool Ratio { get; }
        public bool Higher { get; }
        public string DirectionLabel { get; }
        public double? Target { get; }
        public Language Language { get; }
    }

    /// <summary>One agency's value of one metric: a metric object (as <see cref="MetricObject"/>) with <c>met</c>
    /// comparing it with the model's target.</summary>
    private sealed class MetricValueObject(MetricColumn column, double? value) : ComputedScriptObject
    {
        protected override ScriptSchema Schema => MetricValueSchema;

        protected override object? Get(int index) => index switch
        {
            0 => column.Metric,
            1 => column.Key,
            2 => column.Label,
            3 => column.Definition,
            4 => value,
            5 => Labels.MetricValue(column.Metric, value, column.Language),
            6 => column.Ratio,
            7 => column.Higher ? "higher" : "lower",
            8 => column.Higher ? "↑" : "↓",
            9 => column.DirectionLabel,
            _ => value is { } x && column.Target is { } t ? (column.Higher ? x >= t : x <= t) : null,
        };
    }

    /// <summary>The agencies owning systems, once: what every row and ranking entry reads, looked up in the
    /// model a single time per agency, and each agency's value of each per-agency metric.</summary>
    private sealed class AgencyTable
    {
        public AgencyTable(ViewModelBuilder b, MetricsReport report, MetricColumn[] columns)
        {
            Builder = b;
            Columns = columns;
            var n = report.Agencies.Count;
            Ids = new string[n];
            Names = new string[n];
            Agencies = new Agency?[n];
            Values = new double?[n * columns.Length];
            var ranks = new (int Level, int Index)[n];
            var i = 0;
            foreach (var (id, values) in report.Agencies)
            {
                var agency = b._model.GetAgency(id);
                Ids[i] = id;
                Names[i] = agency?.Name ?? id;
                Agencies[i] = agency;
                ranks[i] = b.AgencyRank(id);
                for (var m = 0; m < columns.Length; m++)
                {
                    Values[i * columns.Length + m] = values.TryGetValue(columns[m].Metric, out var v) ? v : null;
                }
                i++;
            }
            // By level of government, then model order, then id (AgencyRank): the order of metrics.agencies.
            Order = new int[n];
            for (i = 0; i < n; i++)
            {
                Order[i] = i;
            }
            var ids = Ids;
            System.Array.Sort(Order, (x, y) =>
            {
                var c = ranks[x].CompareTo(ranks[y]);
                return c != 0 ? c : string.CompareOrdinal(ids[x], ids[y]);
            });
            Position = new int[n];
            for (i = 0; i < n; i++)
            {
                Position[Order[i]] = i;
            }
        }

        public ViewModelBuilder Builder { get; }
        public MetricColumn[] Columns { get; }
        public string[] Ids { get; }
        public string[] Names { get; }
        public Agency?[] Agencies { get; }

        /// <summary>Agency i's value of column m at <c>i * Columns.Length + m</c>.</summary>
        public double?[] Values { get; }

        /// <summary>The agencies in reading order.</summary>
        public int[] Order { get; }

        /// <summary>Each agency's place in <see cref="Order"/>.</summary>
        public int[] Position { get; }
    }

    /// <summary>A row of <c>metrics.agencies</c>. Its values are made on first use and kept, so that
    /// <c>values</c> and <c>by_name</c> hold the same objects however often they are read.</summary>
    private sealed class AgencyMetricsObject(AgencyTable table, int agency) : ComputedScriptObject
    {
        private ScriptArray? _values;
        private ValuesByName? _byName;

        protected override ScriptSchema Schema => AgencyMetricsSchema;

        protected override object? Get(int index)
        {
            var b = table.Builder;
            switch (index)
            {
                case 0:
                    return table.Ids[agency];
                case 1:
                    return table.Names[agency];
                case 2:
                    return Anchor(table.Ids[agency]);
                case 3:
                    return table.Agencies[agency] is { } a ? b.L(Labels.Of(a.Level)) : null;
                case 4:
                    return b._model.SystemsOwnedBy(table.Ids[agency]).Count;
                case 5:
                    return Values();
                default:
                    return _byName ??= new ValuesByName(Values());
            }
        }

        private ScriptArray Values()
        {
            if (_values is null)
            {
                var columns = table.Columns;
                var list = new ScriptArray(columns.Length);
                for (var m = 0; m < columns.Length; m++)
                {
                    list.Add(new MetricValueObject(columns[m], table.Values[agency * columns.Length + m]));
                }
                _values = list;
            }
            return _values;
        }
    }

    /// <summary>An agency's <c>by_name</c>: its metric values by snake_case name.</summary>
    private sealed class ValuesByName(ScriptArray values) : ComputedScriptObject
    {
        protected override ScriptSchema Schema => PerAgencyMetricsSchema;

        protected override object? Get(int index) => values[index];
    }

    /// <summary>The agencies ranked on one metric, best first.</summary>
    private sealed class Ranking(AgencyTable table, MetricColumn column, int[] agencies, double[] values, int[] ranks)
    {
        public AgencyTable Table { get; } = table;
        public MetricColumn Column { get; } = column;
        public int[] Agencies { get; } = agencies;
        public double[] Values { get; } = values;
        public int[] Ranks { get; } = ranks;
    }

    /// <summary>An entry of a ranking: <c>rank</c>, <c>id</c>, <c>name</c>, <c>anchor</c>, <c>value</c>, <c>display</c>,
    /// <c>row</c> (the agency's place in <c>metrics.agencies</c>, from 0: a report links only to the rows it lists).</summary>
    private sealed class RankingEntryObject(Ranking ranking, int entry) : ComputedScriptObject
    {
        protected override ScriptSchema Schema => RankingEntrySchema;

        protected override object? Get(int index) => index switch
        {
            0 => ranking.Ranks[entry],
            1 => ranking.Table.Ids[ranking.Agencies[entry]],
            2 => ranking.Table.Names[ranking.Agencies[entry]],
            3 => Anchor(ranking.Table.Ids[ranking.Agencies[entry]]),
            4 => ranking.Values[entry],
            5 => Labels.MetricValue(ranking.Column.Metric, ranking.Values[entry], ranking.Column.Language),
            _ => ranking.Table.Position[ranking.Agencies[entry]],
        };
    }

    private MetricColumn[] MetricColumns(Dictionary<string, TargetResult> targets)
    {
        var metrics = MetricsReport.PerAgencyMetrics;
        var columns = new MetricColumn[metrics.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new MetricColumn(this, metrics[i], targets.GetValueOrDefault(metrics[i]));
        }
        return columns;
    }

    /// <summary><c>metrics.agencies</c>: the agencies owning systems, by level of government then model order.</summary>
    private static ScriptArray AgencyMetrics(AgencyTable table)
    {
        var list = new ScriptArray(table.Order.Length);
        foreach (var agency in table.Order)
        {
            list.Add(new AgencyMetricsObject(table, agency));
        }
        return list;
    }

    /// <summary>Per per-agency metric, a metric object with the agencies having a value ranked best first (ties
    /// in reading order); equal values share the better rank (competition ranking: 1, 1, 3).</summary>
    private ScriptArray Rankings(AgencyTable table)
    {
        var columns = table.Columns;
        var result = new ScriptArray(columns.Length);
        for (var m = 0; m < columns.Length; m++)
        {
            var column = columns[m];
            var keys = new List<(double Key, int Position, int Agency, double Value)>();
            for (var i = 0; i < table.Ids.Length; i++)
            {
                if (table.Values[i * columns.Length + m] is { } v)
                {
                    keys.Add((column.Higher ? -v : v, table.Position[i], i, v));
                }
            }
            keys.Sort(static (x, y) =>
            {
                var c = x.Key.CompareTo(y.Key);
                return c != 0 ? c : x.Position.CompareTo(y.Position);
            });
            var agencies = new int[keys.Count];
            var values = new double[keys.Count];
            var ranks = new int[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                agencies[i] = keys[i].Agency;
                values[i] = keys[i].Value;
                ranks[i] = i > 0 && values[i] == values[i - 1] ? ranks[i - 1] : i + 1;
            }
            var ranking = new Ranking(table, column, agencies, values, ranks);
            var list = new ScriptArray(keys.Count);
            for (var i = 0; i < keys.Count; i++)
            {
                list.Add(new RankingEntryObject(ranking, i));
            }
            var o = MetricObject(column.Metric, null);
            o["entries"] = list;
            result.Add(o);
        }
        return result;
    }
}
