using System.CommandLine;
using System.Globalization;
using ArchModel.Generation;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel generate</c>: write a deterministic synthetic model of a chosen size and shape.</summary>
internal static class GenerateCommand
{
    private static readonly string[] Shapes = ["synthetic", "realistic", "huge-jurisdictions", "deep-lines", "uniform-names"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shape = new Option<string>("--shape")
        {
            Description = CliText.T("cli.help.generate.shape"),
            DefaultValueFactory = _ => "synthetic",
        };
        shape.AcceptOnlyFromAmong(Shapes);
        var preset = new Option<string>("--preset")
        {
            Description = CliText.T("cli.help.generate.preset"),
            DefaultValueFactory = _ => "province",
        };
        preset.AcceptOnlyFromAmong("province", "large-province", "nation");
        var agencies = new Option<int?>("--agencies")
        {
            Description = CliText.T("cli.help.generate.agencies", ModelGenerator.MaxAgencies),
            // Parsed here rather than by System.CommandLine, so that a word or a number too large for an int is a
            // usage error with one line, like every other, and not an exception.
            CustomParser = r =>
            {
                var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    r.AddError(CliText.T("cli.generate.agencies-whole", token));
                    return null;
                }
                if (n < 42)
                {
                    r.AddError(CliText.T("cli.generate.agencies-min"));
                    return null;
                }
                if (n > ModelGenerator.MaxAgencies)
                {
                    r.AddError(CliText.T("cli.generate.agencies-max", ModelGenerator.MaxAgencies));
                    return null;
                }
                return (int)n;
            },
        };
        var seed = new Option<int>("--seed") { Description = CliText.T("cli.help.generate.seed"), DefaultValueFactory = _ => 1 };
        var split = new Option<bool>("--split") { Description = CliText.T("cli.help.generate.split") };
        var loaderLimit = new GeneratorOptions().MaxFileBytes;
        var maxFileBytes = new Option<long?>("--max-file-bytes")
        {
            Description = CliText.T("cli.help.generate.max-file-bytes", loaderLimit),
            CustomParser = r =>
            {
                var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > loaderLimit)
                {
                    r.AddError(CliText.T("cli.generate.max-file-bytes", loaderLimit, token));
                    return null;
                }
                return n;
            },
        };
        var output = CommonOptions.Output();
        var command = new Command("generate", CliText.T("cli.help.generate")) { shape, preset, agencies, seed, split, maxFileBytes, output };
        command.SetAction(parse =>
        {
            var options = new GeneratorOptions
            {
                Seed = parse.GetValue(seed),
                Agencies = parse.GetValue(agencies),
                SplitByRegion = parse.GetValue(split),
                Shape = parse.GetValue(shape) switch
                {
                    "realistic" => GeneratorShape.Realistic,
                    "huge-jurisdictions" => GeneratorShape.HugeJurisdictions,
                    "deep-lines" => GeneratorShape.DeepLines,
                    "uniform-names" => GeneratorShape.UniformNames,
                    _ => GeneratorShape.Synthetic,
                },
                Preset = parse.GetValue(preset) switch
                {
                    "nation" => GeneratorPreset.Nation,
                    "large-province" => GeneratorPreset.LargeProvince,
                    _ => GeneratorPreset.Province,
                },
            };
            if (parse.GetValue(maxFileBytes) is { } bytes)
            {
                options = options with { MaxFileBytes = bytes };
            }
            var path = parse.GetValue(output);
            try
            {
                if (options.SplitByRegion)
                {
                    if (path is null)
                    {
                        stderr.WriteLine(CliText.T("cli.generate.split-needs-output"));
                        return ExitCodes.Usage;
                    }
                    var written = ModelGenerator.WriteTo(path, options);
                    stderr.WriteLine(CliText.T("cli.generate.written-split", written.Elements, written.Files.Count, path));
                    return ExitCodes.Success;
                }
                if (ModelGenerator.WouldSplit(options))
                {
                    // One file would be more than the loader reads: write what --split writes, the root file where asked
                    // and the others in a folder beside it.
                    if (path is null)
                    {
                        stderr.WriteLine(CliText.T("cli.generate.too-big", ModelGenerator.EstimatedBytes(options), options.MaxFileBytes));
                        return ExitCodes.Usage;
                    }
                    var written = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                        ? ModelGenerator.WriteTo(path, Path.GetFileNameWithoutExtension(path) + ".regions", options)
                        : ModelGenerator.WriteTo(path, options);
                    stderr.WriteLine(CliText.T("cli.generate.written-auto", written.Elements, written.Files.Count, options.MaxFileBytes, written.Files[0]));
                    // A part is a province or a fixed number of agencies or systems: within the loader's limit up to the
                    // most agencies, but a --max-file-bytes below a part's size leaves that part larger.
                    foreach (var file in written.Files.Where(f => new FileInfo(f).Length > options.MaxFileBytes))
                    {
                        stderr.WriteLine(CliText.T("cli.generate.part-too-big", file, options.MaxFileBytes));
                    }
                    return ExitCodes.Success;
                }
                var error = new OutputTarget(path, stdout).Write(s => ModelGenerator.Write(s, options), []);
                if (error is not null)
                {
                    stderr.WriteLine($"archmodel: {error}");
                    return ExitCodes.FileError;
                }
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(CliText.T("cli.generate.cannot-write", path, e.Message));
                return ExitCodes.FileError;
            }
        });
        return command;
    }
}
