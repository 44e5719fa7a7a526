using System.CommandLine;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Diagrams;
using ArchModel.Loading;
using ArchModel.Model;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel diagram MODEL --view VIEW</c>: write a diagram of one view as DOT, Mermaid or SVG.</summary>
internal static class DiagramCommand
{
    /// <summary>The environment variable naming the Graphviz <c>dot</c> executable (default: <c>dot</c> on the PATH).</summary>
    public const string DotVariable = "ARCHMODEL_DOT";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = CommonOptions.Model();
        var view = new Option<string>("--view")
        {
            Description = CliText.T("cli.help.diagram.view", string.Join(", ", ViewSpec.Names)),
            Required = true,
        };
        var format = CommonOptions.Format("dot", "dot", "mermaid", "svg");
        var depth = new Option<int>("--depth")
        {
            Description = CliText.T("cli.help.diagram.depth"),
            DefaultValueFactory = _ => 1,
        };
        var levels = new Option<string[]>("--level")
        {
            Description = CliText.T("cli.help.diagram.level"),
            AllowMultipleArgumentsPerToken = true,
        };
        levels.AcceptOnlyFromAmong("national", "provincial", "municipal", "county", "township");
        var regions = new Option<string[]>("--region") { Description = CliText.T("cli.help.diagram.region"), AllowMultipleArgumentsPerToken = true };
        var sectors = new Option<string[]>("--sector") { Description = CliText.T("cli.help.diagram.sector"), AllowMultipleArgumentsPerToken = true };
        var tags = new Option<string[]>("--tag") { Description = CliText.T("cli.help.diagram.tag"), AllowMultipleArgumentsPerToken = true };
        var maxNodes = new Option<int>("--max-nodes")
        {
            Description = CliText.T("cli.help.diagram.max-nodes", ViewOptions.Default.MaxNodes),
            DefaultValueFactory = _ => ViewOptions.Default.MaxNodes,
        };
        var maxEdges = new Option<int>("--max-edges")
        {
            Description = CliText.T("cli.help.diagram.max-edges", ViewOptions.Default.MaxEdges),
            DefaultValueFactory = _ => ViewOptions.Default.MaxEdges,
        };
        var includeRetired = new Option<bool>("--include-retired") { Description = CliText.T("cli.help.diagram.include-retired") };
        var output = CommonOptions.Output();
        var lang = CommonOptions.Lang();
        var verbose = CommonOptions.Verbose();
        var command = new Command("diagram", CliText.T("cli.help.diagram"))
        {
            model, view, format, depth, levels, regions, sectors, tags, maxNodes, maxEdges, includeRetired, output, lang, verbose,
        };
        command.SetAction(parse =>
        {
            var viewText = parse.GetValue(view)!;
            if (!ViewSpec.TryParse(viewText, out var spec))
            {
                // The names a view may have, closest first ("landscpe" → landscape, "agency" without ":ID" → agency:ID).
                var name = viewText.Split(':')[0].Trim().ToLowerInvariant();
                var message = Messages.UnknownView(viewText, name == "agency" ? ["agency:ID"] : DidYouMean.Closest(name, ViewSpec.Names), ViewSpec.Names);
                return Usage(stderr, message[CliText.Language]);
            }
            if (parse.GetValue(depth) is var d && d < 0)
            {
                return Usage(stderr, CliText.T("cli.diagram.depth"));
            }
            if (parse.GetValue(maxNodes) < 1 || parse.GetValue(maxEdges) < 0)
            {
                return Usage(stderr, CliText.T("cli.diagram.limits"));
            }

            if (ModelInputs.LoadOrFail("diagram", [parse.GetValue(model)!], parse.GetValue(lang), stderr, out var loads, out var language) is { } failed)
            {
                return failed;
            }
            var load = loads[0];
            var architecture = load.Model!;
            var options = new ViewOptions
            {
                Depth = d,
                Levels = (parse.GetValue(levels) ?? []).Select(static l => Enum.Parse<AgencyLevel>(l, ignoreCase: true)).ToArray(),
                Regions = parse.GetValue(regions) ?? [],
                Sectors = parse.GetValue(sectors) ?? [],
                Tags = parse.GetValue(tags) ?? [],
                MaxNodes = parse.GetValue(maxNodes),
                MaxEdges = parse.GetValue(maxEdges),
                IncludeRetired = parse.GetValue(includeRetired),
                Language = language,
            };
            if (spec.Kind == ViewKind.Agency && architecture.GetAgency(spec.AgencyId) is null)
            {
                // Told before the analysis runs: the library's empty view and its error, whose message names the closest
                // agency ids.
                var problem = Views.Agency(architecture, spec.AgencyId!, options: options).Diagnostics[0].Message;
                return Usage(stderr, problem[CliText.Language]);
            }
            var analysis = Analyzer.Analyze(architecture);
            var diagram = Views.Build(architecture, spec, analysis, options);

            var target = new OutputTarget(parse.GetValue(output), stdout);
            string? error;
            switch (parse.GetValue(format))
            {
                case "mermaid":
                {
                    var text = new MermaidWriter().Fit(diagram, out var written);
                    diagram = written;
                    error = target.WriteText(text, load.Files);
                    break;
                }
                case "svg":
                {
                    var executable = Environment.GetEnvironmentVariable(DotVariable);
                    var renderer = new GraphvizRenderer(GraphvizOptions.Default with
                    {
                        Executable = string.IsNullOrEmpty(executable) ? "dot" : executable,
                    });
                    var result = renderer.RenderAsync(diagram, "svg").GetAwaiter().GetResult();
                    if (!result.Succeeded)
                    {
                        stderr.WriteLine("archmodel: " + result.Message[language]);
                        if (result.Status == GraphvizStatus.Failed)
                        {
                            stderr.WriteLine(result.Errors.TrimEnd());
                            return ExitCodes.InternalError;
                        }
                        return ExitCodes.FileError;
                    }
                    error = target.Write(s => s.Write(result.Output), load.Files);
                    break;
                }
                default:
                    error = target.WriteText(new DotWriter().Write(diagram), load.Files);
                    break;
            }
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            if (diagram.Aggregated)
            {
                foreach (var note in diagram.Notes)
                {
                    stderr.WriteLine("archmodel: " + note[language]);
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"archmodel diagram: {message}");
        stderr.WriteLine(CliText.T("cli.try-help", "archmodel diagram"));
        return ExitCodes.Usage;
    }
}
