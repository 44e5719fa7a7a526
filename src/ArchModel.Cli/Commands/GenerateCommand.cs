using System.CommandLine;
using ArchModel.Generation;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel generate</c>: write a deterministic synthetic model of a chosen size.</summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var preset = new Option<string>("--preset")
        {
            Description = "Size: province (~4,600 agencies), large-province (~9,500), nation (~132,000) / 规模预设",
            DefaultValueFactory = _ => "province",
        };
        preset.AcceptOnlyFromAmong("province", "large-province", "nation");
        var agencies = new Option<int?>("--agencies")
        {
            Description = "About how many agencies (overrides --preset) / 机构数量",
        };
        agencies.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 42)
            {
                r.AddError("--agencies must be at least 42 (one government with its departments and one below it).");
            }
        });
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed gives the same files / 随机种子", DefaultValueFactory = _ => 1 };
        var split = new Option<bool>("--split") { Description = "One file per province joined by includes; --output is then a folder / 按省拆分文件" };
        var output = CommonOptions.Output();
        var command = new Command("generate", "Write a synthetic model of a chosen size / 生成合成模型") { preset, agencies, seed, split, output };
        command.SetAction(parse =>
        {
            var options = new GeneratorOptions
            {
                Seed = parse.GetValue(seed),
                Agencies = parse.GetValue(agencies),
                SplitByRegion = parse.GetValue(split),
                Preset = parse.GetValue(preset) switch
                {
                    "nation" => GeneratorPreset.Nation,
                    "large-province" => GeneratorPreset.LargeProvince,
                    _ => GeneratorPreset.Province,
                },
            };
            var path = parse.GetValue(output);
            try
            {
                if (options.SplitByRegion)
                {
                    if (path is null)
                    {
                        stderr.WriteLine("archmodel generate: --split writes several files; name a folder with --output.");
                        return ExitCodes.Usage;
                    }
                    var written = ModelGenerator.WriteTo(path, options);
                    stderr.WriteLine($"{written.Elements} elements in {written.Files.Count} files under {path}");
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
                stderr.WriteLine($"archmodel: cannot write '{path}': {e.Message}");
                return ExitCodes.FileError;
            }
        });
        return command;
    }
}
