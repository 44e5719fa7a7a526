using System.Diagnostics;

namespace ArchModel.Cli.Tests;

/// <summary>
/// Outputs and arguments built to break the command line: outputs reached through links, devices and pipes as
/// outputs, a standard output that cannot be written, temporary files left by a killed run, empty paths
/// (docs/reliability.md).
/// </summary>
[NonParallelizable]
public sealed class ReliabilityTests
{
    private static TempFolder CopyOfQuickstart(out string folder)
    {
        var temp = new TempFolder();
        folder = Path.Combine(temp.Path, "m");
        Directory.CreateDirectory(folder);
        File.Copy(CliRunner.Model("quickstart"), Path.Combine(folder, "model.json"));
        File.WriteAllText(Path.Combine(folder, "data.json"), """{ "capabilities": [ { "id": "cap.extra", "name": "Extra" } ] }""");
        var model = File.ReadAllText(Path.Combine(folder, "model.json"));
        File.WriteAllText(Path.Combine(folder, "model.json"), model.Replace("\"formatVersion\": \"1\",", "\"formatVersion\": \"1\", \"includes\": [\"data.json\"],", StringComparison.Ordinal));
        return temp;
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "mkfifo");
    }

    /// <summary>The type of file a path names, as stat(1) says it.</summary>
    private static string FileType(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("stat", ["-L", "-c", "%F", path]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        var type = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return type;
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    [Test]
    public void Analyze_OutputThroughALinkedFolder_IsRefusedAndTheIncludeKept()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var link = Path.Combine(temp.Path, "mlink");
        Directory.CreateSymbolicLink(link, folder);
        var data = File.ReadAllText(Path.Combine(folder, "data.json"));
        var (code, _, stderr) = CliRunner.Run("analyze", Path.Combine(folder, "model.json"), "-o", Path.Combine(link, "data.json"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("输入文件"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "data.json")), Is.EqualTo(data));
    }

    [Test]
    public void Validate_InputGivenThroughALink_OutputOverTheRealFileIsRefused()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var link = Path.Combine(temp.Path, "mlink");
        Directory.CreateSymbolicLink(link, folder);
        var (code, _, _) = CliRunner.Run("validate", Path.Combine(link, "model.json"), "-o", Path.Combine(folder, "model.json"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(File.ReadAllText(Path.Combine(folder, "model.json")), Does.Contain("quickstart"));
    }

    [Test]
    public void Report_OutputOverTheTemplateOrAPartialThroughALink_IsRefused()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var templates = Path.Combine(temp.Path, "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "main.sbn-md"), "# {{ model.name }}\n{{ include 'part' }}\n");
        File.WriteAllText(Path.Combine(templates, "part.sbn-md"), "part\n");
        var tlink = Path.Combine(temp.Path, "tlink");
        Directory.CreateSymbolicLink(tlink, templates);
        var model = Path.Combine(folder, "model.json");
        var template = Path.Combine(templates, "main.sbn-md");
        Assert.That(CliRunner.Run("report", model, "-t", template, "-o", Path.Combine(tlink, "main.sbn-md")).ExitCode, Is.EqualTo(3));
        Assert.That(CliRunner.Run("report", model, "-t", template, "-o", Path.Combine(tlink, "part.sbn-md")).ExitCode, Is.EqualTo(3));
        Assert.That(File.ReadAllText(Path.Combine(templates, "part.sbn-md")), Is.EqualTo("part\n"));
        var output = Path.Combine(templates, "report.md");
        Assert.That(CliRunner.Run("report", model, "-t", template, "-o", output).ExitCode, Is.EqualTo(0), "a report beside its template is fine");
        Assert.That(File.ReadAllText(output), Does.Contain("part"));
    }

    [Test]
    public void Report_OutputOverTheBaselineThroughALink_IsRefused()
    {
        using var temp = CopyOfQuickstart(out var folder);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "base.json"), Path.Combine(folder, "model.json"));
        var (code, _, _) = CliRunner.Run("report", CliRunner.Model("quickstart"), "-t", "roadmap", "--baseline", Path.Combine(folder, "model.json"),
            "-o", Path.Combine(temp.Path, "base.json"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(IsLink(Path.Combine(temp.Path, "base.json")), Is.True);
    }

    [Test]
    public void Validate_OutputALinkToDevNull_WritesThroughAndKeepsTheLink()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var link = Path.Combine(temp.Path, "null-link");
        File.CreateSymbolicLink(link, "/dev/null");
        var (code, stdout, stderr) = CliRunner.Run("validate", Path.Combine(folder, "model.json"), "-o", link);
        Assert.That((code, stdout, stderr), Is.EqualTo((0, "", "")));
        Assert.That(IsLink(link), Is.True);
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1), "no temporary file beside the link");
    }

    [Test]
    public void Validate_OutputDevNull_DiscardsAndDevNullStaysADevice()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var (code, _, stderr) = CliRunner.Run("validate", Path.Combine(folder, "model.json"), "-o", "/dev/null");
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        Assert.That(FileType("/dev/null"), Is.EqualTo("character special file"));
    }

    [Test]
    public void Validate_OutputALinkToDevFull_ExitsThreeWithOneLine()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var link = Path.Combine(temp.Path, "full-link");
        File.CreateSymbolicLink(link, "/dev/full");
        var (code, _, stderr) = CliRunner.Run("validate", Path.Combine(folder, "model.json"), "-o", link);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        Assert.That(IsLink(link), Is.True);
    }

    [Test]
    public void Validate_OutputAFifo_WritesIntoThePipeAndKeepsIt()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var fifo = Path.Combine(temp.Path, "pipe");
        MakeFifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var run = Task.Run(() => CliRunner.Run("validate", Path.Combine(folder, "model.json"), "-o", fifo));
        if (!run.Wait(TimeSpan.FromSeconds(20)) || !reader.Wait(TimeSpan.FromSeconds(20)))
        {
            Assert.Fail("the write to the pipe did not finish");
        }
        Assert.That(run.Result.ExitCode, Is.EqualTo(0));
        Assert.That(reader.Result, Does.Contain("Quickstart city"));
        Assert.That(FileType(fifo), Is.EqualTo("fifo"), "still a pipe, not replaced by a file");
    }

    [Test]
    public void Validate_OutputAnOpenDescriptorPath_WritesThroughItAsAShellRedirectionWould()
    {
        // As `archmodel … -o /dev/stdout >> log.txt`: the path names what the process already has open.
        using var temp = CopyOfQuickstart(out var folder);
        var log = Path.Combine(temp.Path, "log.txt");
        File.WriteAllText(log, "earlier line\n");
        using (var open = new FileStream(log, FileMode.Append, FileAccess.Write))
        {
            var descriptor = open.SafeFileHandle.DangerousGetHandle().ToInt32();
            var (code, _, stderr) = CliRunner.Run("validate", Path.Combine(folder, "model.json"), "-o", $"/proc/self/fd/{descriptor}");
            Assert.That((code, stderr), Is.EqualTo((0, "")));
        }
        var text = File.ReadAllText(log);
        Assert.That(text, Does.StartWith("earlier line\n").And.Contain("Quickstart city"));
        Assert.That(Directory.GetFiles(temp.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "log.txt" }));
    }

    [Test]
    public void Validate_OutputALinkToARegularFile_ReplacesTheTargetAndKeepsTheLink()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var real = Path.Combine(temp.Path, "real.txt");
        File.WriteAllText(real, "old");
        var link = Path.Combine(temp.Path, "link.txt");
        File.CreateSymbolicLink(link, real);
        Assert.That(CliRunner.Run("validate", Path.Combine(folder, "model.json"), "-o", link).ExitCode, Is.EqualTo(0));
        Assert.That(IsLink(link), Is.True);
        Assert.That(File.ReadAllText(real), Does.Contain("Quickstart city"));
    }

    [Test]
    public void Validate_StandardOutputCannotBeWritten_ExitsThreeWithOneLine()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var stderr = new StringWriter();
        var code = CliApp.Run(["validate", Path.Combine(folder, "model.json")], new FullWriter(), stderr);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Not.Contain("bug"));
    }

    [Test]
    public void Init_StandardOutputCannotBeWritten_ExitsThree()
    {
        using var temp = new TempFolder();
        var stderr = new StringWriter();
        var code = CliApp.Run(["init", Path.Combine(temp.Path, "new")], new FullWriter(), stderr);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr.ToString(), Does.Not.Contain("bug"));
    }

    [Test]
    public void Validate_TemporaryFilesOfADeadRun_AreRemovedOnTheNextWrite()
    {
        using var temp = CopyOfQuickstart(out var folder);
        var output = Path.Combine(temp.Path, "out.txt");
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        var dead = Path.Combine(temp.Path, $".out.txt.{gone.Id}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(temp.Path, $".out.txt.1.{Guid.NewGuid():N}.tmp");
        var liveButOld = Path.Combine(temp.Path, $".out.txt.1.{Guid.NewGuid():N}.tmp");
        var other = Path.Combine(temp.Path, $".other.txt.{gone.Id}.{Guid.NewGuid():N}.tmp");
        var notOurs = Path.Combine(temp.Path, $".out.txt.{gone.Id}.tmp");
        foreach (var file in new[] { dead, live, liveButOld, other, notOurs })
        {
            File.WriteAllText(file, "partial");
        }
        File.SetLastWriteTimeUtc(liveButOld, DateTime.UtcNow - OutputTarget.StaleAge - TimeSpan.FromHours(1));
        Assert.That(CliRunner.Run("validate", Path.Combine(folder, "model.json"), "-o", output).ExitCode, Is.EqualTo(0));
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(dead), Is.False, "its process is gone");
            Assert.That(File.Exists(liveButOld), Is.False, "older than the safe age");
            Assert.That(File.Exists(live), Is.True, "process 1 is alive: another write may be under way");
            Assert.That(File.Exists(other), Is.True, "another target's");
            Assert.That(File.Exists(notOurs), Is.True, "not of our naming");
        });
    }

    [TestCase("validate", "")]
    [TestCase("analyze", "")]
    [TestCase("diff", "", "MODEL")]
    [TestCase("diff", "MODEL", "")]
    [TestCase("init", "")]
    [TestCase("report", "MODEL", "--template", "")]
    [TestCase("report", "MODEL", "--baseline", "")]
    [TestCase("validate", "MODEL", "--output", "")]
    [TestCase("schema", "--output", "")]
    [TestCase("diagram", "MODEL", "--view", "landscape", "-o", "")]
    public void Run_EmptyPath_IsWrongUsageExitTwo(params string[] args)
    {
        var model = CliRunner.Model("quickstart");
        var (code, stdout, stderr) = CliRunner.Run(args.Select(a => a == "MODEL" ? model : a).ToArray());
        Assert.That((code, stdout), Is.EqualTo((2, "")));
        Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
    }

    [Test]
    public void Help_NamesTheCommandArchmodel()
    {
        var (code, stdout, _) = CliRunner.Run("--help");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("archmodel [command] [options]").And.Not.Contain("ArchModel.Cli").And.Not.Contain("testhost"));
        Assert.That(CliRunner.Run("validate", "--help").Stdout, Does.Contain("archmodel validate <MODEL> [options]"));
    }

    [TestCase("validate")]
    [TestCase("analyze")]
    public void ModelCommand_FolderWithModelJson_LoadsIt(string command)
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "starter");
        Assert.That(CliRunner.Run("init", folder).ExitCode, Is.EqualTo(0));
        var (code, stdout, stderr) = CliRunner.Run(command, folder, "--lang", "en");
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Does.Not.Contain("(1,1)"));
    }

    [Test]
    public void Diff_FoldersWithModelJson_LoadsThem()
    {
        var (code, _, stderr) = CliRunner.Run("diff", Path.GetDirectoryName(CliRunner.Model("demo-province"))!, Path.GetDirectoryName(CliRunner.Model("demo-province-2020"))!);
        Assert.That((code, stderr), Is.EqualTo((0, "")));
    }

    [Test]
    public void Validate_FolderWithoutModelJson_ExitsThreeNamingTheFolderWithoutAMadeUpPosition()
    {
        using var temp = new TempFolder();
        temp.Write("other.json", "{}");
        var (code, stdout, stderr) = CliRunner.Run("validate", temp.Path);
        Assert.That((code, stdout), Is.EqualTo((3, "")));
        Assert.That(stderr, Does.Contain("model.json").And.Contain("other.json").And.Not.Contain("(1,1)"));
    }

    /// <summary>A standard output on a full disk.</summary>
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");

        public override void Flush() => throw new IOException("No space left on device");
    }
}
