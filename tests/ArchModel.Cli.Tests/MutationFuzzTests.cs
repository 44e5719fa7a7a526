using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArchModel.Cli.Tests;

/// <summary>
/// Mutation fuzzing of the sample models through the command line's entry point, in-process: byte flips,
/// truncations, JSON type swaps, inserted characters, includes of pipes, devices and links out of the folder, files
/// replaced by links, outputs aimed at inputs. Every mutant must end within its time with an exit code from 0 to 3,
/// no internal error, every diagnostic located (file, line ≥ 1, column ≥ 1), and no input changed
/// (docs/reliability.md). Fixed seeds in CI; <c>scripts/fuzz.sh --minutes N</c> runs the long variant with a seed
/// from the clock.
/// </summary>
[NonParallelizable]
public sealed class MutationFuzzTests
{
    /// <summary>Mutants per fixed seed: four seeds make the 2,000 CI runs.</summary>
    private const int MutantsPerSeed = 500;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Fuzz_MutatedSampleModels_NeverCrashHangOrLoseALocation(int seed)
    {
        using var fuzzer = new Fuzzer(seed);
        for (var i = 0; i < MutantsPerSeed; i++)
        {
            fuzzer.RunMutant(i);
        }
        Assert.That(fuzzer.Runs, Is.EqualTo(MutantsPerSeed));
        // Each kind of mutation was tried, so a seed cannot silently stop exercising one.
        Assert.That(fuzzer.Kinds.Keys, Is.EquivalentTo(Enum.GetValues<Mutation>()));
    }

    /// <summary>
    /// The long variant: runs while <c>ARCHMODEL_FUZZ_MINUTES</c> lasts, from <c>ARCHMODEL_FUZZ_SEED</c>
    /// (<c>scripts/fuzz.sh</c> sets both and prints the seed). Ignored when the minutes are not set.
    /// </summary>
    [Test]
    public void Fuzz_LongRun_FromTheEnvironment()
    {
        var minutesText = Environment.GetEnvironmentVariable("ARCHMODEL_FUZZ_MINUTES");
        if (string.IsNullOrEmpty(minutesText))
        {
            Assert.Ignore("Set ARCHMODEL_FUZZ_MINUTES (scripts/fuzz.sh --minutes N) to run the long fuzzing campaign.");
        }
        var minutes = double.Parse(minutesText, CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("ARCHMODEL_FUZZ_SEED") ?? "1", CultureInfo.InvariantCulture);
        var first = int.Parse(Environment.GetEnvironmentVariable("ARCHMODEL_FUZZ_FIRST") ?? "0", CultureInfo.InvariantCulture);
        TestContext.Out.WriteLine($"fuzz seed {seed}, from mutant {first}, for {minutes} minutes");
        using var fuzzer = new Fuzzer(seed);
        var clock = Stopwatch.StartNew();
        var i = first;
        while (clock.Elapsed < TimeSpan.FromMinutes(minutes))
        {
            fuzzer.RunMutant(i++);
        }
        TestContext.Out.WriteLine($"{fuzzer.Runs} mutants, none failed: " +
            string.Join(", ", fuzzer.Kinds.OrderBy(static k => k.Key).Select(k => $"{k.Key} {k.Value} ({fuzzer.Times[k.Key].TotalSeconds:0.0} s)")));
    }

    internal enum Mutation
    {
        ByteFlips,
        Truncation,
        TypeSwap,
        Insertion,
        SpecialInclude,
        FileReplacedByLink,
        OutputOverInput,
    }

    /// <summary>Copies of the sample models in a temporary folder, mutated one file at a time and restored after each run.</summary>
    private sealed class Fuzzer : IDisposable
    {
        private static readonly string[] Samples = ["quickstart", "demo-province"];

        private static readonly string[] Insertions =
        [
            "，", "：", "“", "”", "【", "】", "｛", "｝", "、", "\u3000", "\0", "\uFEFF", "😀", "\u0085", "\u2028", "{", "}", "[", "]",
            "\"", ",", ":", "//", "/*", "NaN", "1e999", "-", "\\", "\\u", "\\uD800", "tru", "null", new string('[', 70), "\"\\u0000\"",
        ];

        private static readonly string[] SpecialIncludes =
        [
            "fifo.json", "zero.json", "urandom.json", "null.json", "out-file.json", "out-dir/*.json", "out-dir/a.json", "../outside/a.json",
            "/etc/passwd", "/etc/*", "self.json", "loop/*.json", "loop", "x\u0000y.json", "", "**/*.json", "dir", "dir/**/*.json",
            "twice.json", "../*/*.json",
        ];

        private readonly int _seed;
        private readonly TempFolder _temp = new();
        private readonly string _outside;
        private readonly Dictionary<string, string[]> _files = [];
        private readonly Dictionary<string, byte[]> _originals = new(StringComparer.Ordinal);
        private readonly List<string> _created = [];
        private string? _aimedAt;

        public Fuzzer(int seed)
        {
            _seed = seed;
            _outside = Path.Combine(_temp.Path, "outside");
            Directory.CreateDirectory(_outside);
            File.WriteAllText(Path.Combine(_outside, "a.json"), """{ "agencies": [ { "id": "ag.outside", "name": "OUTSIDE-SECRET", "level": "county" } ] }""");
            foreach (var sample in Samples)
            {
                var source = Path.GetDirectoryName(CliRunner.Model(sample))!;
                var target = Path.Combine(_temp.Path, sample);
                foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
                {
                    var copy = Path.Combine(target, Path.GetRelativePath(source, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(file, copy);
                    _originals[copy] = File.ReadAllBytes(copy);
                }
                _files[sample] = [.. Directory.EnumerateFiles(target, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
            }
        }

        public int Runs { get; private set; }

        public Dictionary<Mutation, int> Kinds { get; } = [];

        public Dictionary<Mutation, TimeSpan> Times { get; } = [];

        public void RunMutant(int index)
        {
            // Each mutant has a generator of its own, so a failure names the seed and index that replay it alone.
            var random = new Random(unchecked((_seed * 1_000_003) + index));
            var sample = Samples[random.Next(Samples.Length)];
            var files = _files[sample];
            var root = files.First(static f => Path.GetFileName(f) == "model.json");
            var mutation = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
            Kinds[mutation] = Kinds.GetValueOrDefault(mutation) + 1;
            var file = mutation is Mutation.SpecialInclude ? root : files[random.Next(files.Length)];
            var what = $"seed {_seed}, mutant {index}: {mutation} of {Path.GetRelativePath(_temp.Path, file)}";
            string? output = null;
            var clock = Stopwatch.StartNew();
            try
            {
                switch (mutation)
                {
                    case Mutation.ByteFlips:
                        what += Mutate(file, bytes => FlipBytes(bytes, random));
                        break;
                    case Mutation.Truncation:
                        what += Mutate(file, bytes => bytes[..random.Next(bytes.Length)]);
                        break;
                    case Mutation.TypeSwap:
                        what += Mutate(file, bytes => SwapType(bytes, random));
                        break;
                    case Mutation.Insertion:
                        what += Mutate(file, bytes => Insert(bytes, random));
                        break;
                    case Mutation.SpecialInclude:
                        what += IncludeSpecial(root, random);
                        break;
                    case Mutation.FileReplacedByLink:
                        what += ReplaceByLink(file, files, random);
                        break;
                    case Mutation.OutputOverInput:
                        output = AimOutput(files, random);
                        what += $" -o {output}";
                        break;
                }
                Check(what, root, random, output);
                Runs++;
            }
            finally
            {
                Restore();
                Times[mutation] = Times.GetValueOrDefault(mutation) + clock.Elapsed;
            }
        }

        private static string Mutate(string file, Func<byte[], byte[]> change)
        {
            var bytes = change(File.ReadAllBytes(file));
            File.WriteAllBytes(file, bytes);
            return $" ({bytes.Length} bytes)";
        }

        private static byte[] FlipBytes(byte[] bytes, Random random)
        {
            var count = random.Next(1, 9);
            for (var i = 0; i < count && bytes.Length > 0; i++)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)(bytes[at] ^ (1 << random.Next(8)));
            }
            return bytes;
        }

        private static byte[] Insert(byte[] bytes, Random random)
        {
            var text = Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)]);
            var at = random.Next(bytes.Length + 1);
            return [.. bytes[..at], .. text, .. bytes[at..]];
        }

        private static byte[] SwapType(byte[] bytes, Random random)
        {
            var root = JsonNode.Parse(bytes)!;
            var slots = new List<(JsonNode Parent, object Key)>();
            Collect(root, slots);
            if (slots.Count == 0)
            {
                return bytes;
            }
            var (parent, key) = slots[random.Next(slots.Count)];
            JsonNode? replacement = random.Next(12) switch
            {
                0 => JsonValue.Create(7),
                1 => JsonValue.Create("x"),
                2 => new JsonObject(),
                3 => new JsonArray(),
                4 => JsonValue.Create(true),
                5 => null,
                6 => JsonValue.Create(-1.5),
                7 => JsonValue.Create(new string('字', random.Next(1, 2000))),
                8 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1), null),
                9 => JsonValue.Create(long.MaxValue),
                10 => JsonValue.Create(""),
                _ => new JsonObject { ["id"] = "x y" },
            };
            if (key is int i)
            {
                ((JsonArray)parent)[i] = replacement;
            }
            else
            {
                ((JsonObject)parent)[(string)key] = replacement;
            }
            return Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o.ToList())
                    {
                        slots.Add((o, key));
                        if (child is not null)
                        {
                            Collect(child, slots);
                        }
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, i));
                        if (a[i] is { } child)
                        {
                            Collect(child, slots);
                        }
                    }
                    break;
            }
        }

        /// <summary>Adds to the root's includes one that names a pipe, a device, a link out of the folder or no valid path.</summary>
        private string IncludeSpecial(string root, Random random)
        {
            var folder = Path.GetDirectoryName(root)!;
            var include = SpecialIncludes[random.Next(SpecialIncludes.Length)];
            switch (include)
            {
                case "fifo.json":
                    MakeFifo(Path.Combine(folder, include));
                    break;
                case "zero.json":
                    Link(Path.Combine(folder, include), "/dev/zero");
                    break;
                case "urandom.json":
                    Link(Path.Combine(folder, include), "/dev/urandom");
                    break;
                case "null.json":
                    Link(Path.Combine(folder, include), "/dev/null");
                    break;
                case "out-file.json":
                    Link(Path.Combine(folder, include), Path.Combine(_outside, "a.json"));
                    break;
                case "out-dir/*.json" or "out-dir/a.json":
                    Link(Path.Combine(folder, "out-dir"), _outside);
                    break;
                case "self.json":
                    Link(Path.Combine(folder, include), "model.json");
                    break;
                case "loop/*.json" or "loop":
                    Link(Path.Combine(folder, "loop"), "loop2");
                    Link(Path.Combine(folder, "loop2"), "loop");
                    break;
                case "dir" or "dir/**/*.json":
                    Directory.CreateDirectory(Path.Combine(folder, "dir", "deeper"));
                    _created.Add(Path.Combine(folder, "dir"));
                    Link(Path.Combine(folder, "dir", "deeper", "up"), folder);
                    MakeFifo(Path.Combine(folder, "dir", "deeper", "p.json"));
                    break;
                case "twice.json":
                    var other = _originals.Keys.FirstOrDefault(f => Path.GetDirectoryName(f) == folder && Path.GetFileName(f) != "model.json");
                    Link(Path.Combine(folder, include), other ?? "model.json");
                    break;
            }
            var json = JsonNode.Parse(File.ReadAllBytes(root))!.AsObject();
            var includes = json["includes"] as JsonArray ?? [];
            json["includes"] = null;
            var list = includes.Select(static n => n?.DeepClone()).ToList();
            list.Insert(random.Next(list.Count + 1), JsonValue.Create(include));
            json["includes"] = new JsonArray([.. list]);
            File.WriteAllText(root, json.ToJsonString());
            return $" include '{include.Replace("\0", "\\0", StringComparison.Ordinal)}'";
        }

        /// <summary>Replaces an included file by a link: to another file of the model, to itself through a folder link, to a device or to a pipe.</summary>
        private string ReplaceByLink(string file, string[] files, Random random)
        {
            if (Path.GetFileName(file) == "model.json")
            {
                file = files.FirstOrDefault(static f => Path.GetFileName(f) != "model.json") ?? file;
            }
            if (Path.GetFileName(file) == "model.json")
            {
                return " (no included file)";
            }
            File.Delete(file);
            var choice = random.Next(4);
            switch (choice)
            {
                case 0:
                    File.CreateSymbolicLink(file, files[random.Next(files.Length)]);
                    break;
                case 1:
                    File.CreateSymbolicLink(file, "/dev/zero");
                    break;
                case 2:
                    MakeFifo(file);
                    break;
                default:
                    File.CreateSymbolicLink(file, Path.Combine(_outside, "a.json"));
                    break;
            }
            return $" link kind {choice}";
        }

        /// <summary>An output aimed at an input: the file itself, or the same file through a link to its folder.</summary>
        private string AimOutput(string[] files, Random random)
        {
            var input = _aimedAt = files[random.Next(files.Length)];
            if (random.Next(2) == 0)
            {
                return input;
            }
            var link = Path.Combine(_temp.Path, "folder-link");
            Link(link, Path.GetDirectoryName(input)!);
            return Path.Combine(link, Path.GetFileName(input));
        }

        private void Check(string what, string root, Random random, string? output)
        {
            var command = random.Next(4) == 0 ? "analyze" : "validate";
            string[] args = [command, root, "--format", "json", "--lang", random.Next(2) == 0 ? "en" : "zh-CN", .. output is null ? Array.Empty<string>() : ["-o", output]];
            var run = Task.Run(() => CliRunner.Run(args));
            if (!run.Wait(TimeSpan.FromSeconds(30)))
            {
                Assert.Fail($"{what}: no result within 30 s (a hang)");
            }
            var (code, stdout, stderr) = run.Result;
            Assert.That(code, Is.InRange(0, 3), $"{what}: exit {code}\n{stderr}");
            Assert.That(stderr, Does.Not.Contain("internal error"), what);
            Assert.That(stdout + stderr, Does.Not.Contain("OUTSIDE-SECRET"), $"{what}: a file outside the model's folder was read");
            if (output is not null)
            {
                Assert.That(code, Is.EqualTo(3), $"{what}: an output over an input must be refused");
            }
            if (_aimedAt is not null)
            {
                // The refused output's file, an input, is exactly as it was.
                Assert.That(File.ReadAllBytes(_aimedAt), Is.EqualTo(_originals[_aimedAt]), $"{what}: the input was overwritten");
            }
            if (stdout.Length == 0)
            {
                // Nothing on standard output: the root could not be read (exit 3) or the output was refused; the lines
                // on standard error are then the located diagnostics or one line saying why.
                Assert.That(code, Is.EqualTo(3), $"{what}: no output but exit {code}");
                return;
            }
            using var document = JsonDocument.Parse(stdout);
            foreach (var diagnostic in document.RootElement.GetProperty("diagnostics").EnumerateArray())
            {
                var location = diagnostic.GetProperty("location");
                Assert.That(location.ValueKind, Is.EqualTo(JsonValueKind.Object), $"{what}: unlocated {diagnostic}");
                Assert.That(location.GetProperty("file").GetString(), Is.Not.Empty, $"{what}: {diagnostic}");
                Assert.That(location.GetProperty("line").GetInt32(), Is.GreaterThanOrEqualTo(1), $"{what}: {diagnostic}");
                Assert.That(location.GetProperty("column").GetInt32(), Is.GreaterThanOrEqualTo(1), $"{what}: {diagnostic}");
            }
        }

        private void Link(string path, string target)
        {
            if (!Path.Exists(path) && new FileInfo(path).LinkTarget is null)
            {
                File.CreateSymbolicLink(path, target);
                _created.Add(path);
            }
        }

        private void MakeFifo(string path)
        {
            if (Path.Exists(path))
            {
                File.Delete(path);
            }
            Assert.That(MakeFifo(path, 0b110_100_100), Is.Zero, $"mkfifo {path}");
            if (!_originals.ContainsKey(path))
            {
                _created.Add(path);
            }
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
#pragma warning disable CA2101, SYSLIB1054 // A test helper: the path is ASCII, and a source-generated import would need unsafe code here.
        private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);
#pragma warning restore CA2101, SYSLIB1054

        private void Restore()
        {
            foreach (var path in _created.AsEnumerable().Reverse())
            {
                if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
                {
                    Directory.Delete(path, recursive: true);
                }
                else if (new FileInfo(path).LinkTarget is not null || Path.Exists(path))
                {
                    File.Delete(path);
                }
            }
            _created.Clear();
            _aimedAt = null;
            foreach (var (file, original) in _originals)
            {
                var info = new FileInfo(file);
                if (info.LinkTarget is not null || !info.Exists || info.Length != original.Length || !File.ReadAllBytes(file).AsSpan().SequenceEqual(original))
                {
                    if (info.LinkTarget is not null || Path.Exists(file))
                    {
                        File.Delete(file);
                    }
                    File.WriteAllBytes(file, original);
                }
            }
        }

        public void Dispose() => _temp.Dispose();
    }
}
