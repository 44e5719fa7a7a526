namespace ArchModel.Cli.Tests;

[NonParallelizable]
public sealed class DiagramCommandTests
{
    private static string Demo => CliRunner.Model("demo-province");

    [TestCase("landscape")]
    [TestCase("agency:ag.prov.psd")]
    [TestCase("network")]
    [TestCase("dataflow")]
    [TestCase("duplicates")]
    [TestCase("silos")]
    [TestCase("capabilities")]
    public void Diagram_EveryView_WritesDotAndMermaid(string view)
    {
        var (code, stdout, stderr) = CliRunner.Run("diagram", Demo, "--view", view);
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Does.StartWith("digraph \"archmodel\" {\n").And.EndWith("}\n"));
        var mermaid = CliRunner.Run("diagram", Demo, "--view", view, "--format", "mermaid");
        Assert.That(mermaid.ExitCode, Is.EqualTo(0), mermaid.Stderr);
        Assert.That(mermaid.Stdout, Does.Contain("\nflowchart "));
    }

    [Test]
    public void Diagram_Twice_IsByteIdentical()
    {
        var first = CliRunner.Run("diagram", Demo, "--view", "landscape").Stdout;
        var second = CliRunner.Run("diagram", Demo, "--view", "landscape").Stdout;
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Diagram_Svg_RendersThroughGraphviz()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "dot")));
        if (!onPath)
        {
            Assert.Fail("Graphviz 'dot' is not installed: run scripts/install-verify-tools.sh.");
        }
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "dataflow.svg");
        var (code, _, stderr) = CliRunner.Run("diagram", Demo, "--view", "dataflow", "--format", "svg", "--output", output);
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        var svg = File.ReadAllText(output);
        Assert.That(svg, Does.Contain("<svg").And.Contain("示范省公安厅"));
    }

    [Test]
    public void Diagram_SvgWithoutGraphviz_ExitsThreeNamingThePackage()
    {
        Environment.SetEnvironmentVariable("ARCHMODEL_DOT", "/nonexistent/dot");
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("diagram", Demo, "--view", "network", "--format", "svg", "--lang", "en");
            Assert.That(code, Is.EqualTo(3));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("apt-get install graphviz"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ARCHMODEL_DOT", null);
        }
    }

    [Test]
    public void Diagram_ModelWithErrors_PrintsThemAndExitsOne()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """
            { "formatVersion": "1", "model": { "id": "broken", "language": "en" },
              "systems": [ { "id": "s", "name": "S", "owner": "nobody" } ] }
            """);
        var (code, stdout, stderr) = CliRunner.Run("diagram", path, "--view", "landscape");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain("error AM0006").And.Contain("fix them"));
    }

    [Test]
    public void Diagram_MissingModelFile_ExitsThree()
    {
        Assert.That(CliRunner.Run("diagram", "/nonexistent/model.json", "--view", "landscape").ExitCode, Is.EqualTo(3));
    }

    [TestCase("hairball")]
    [TestCase("agency:")]
    [TestCase("agency:ag.nobody")]
    public void Diagram_BadView_ExitsTwoWithAHint(string view)
    {
        var (code, _, stderr) = CliRunner.Run("diagram", Demo, "--view", view);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("archmodel diagram:").And.Contain("--help"));
    }

    [TestCase("", "archmodel diagram: --depth 不能为负数", "用法见 'archmodel diagram --help'。")]
    [TestCase("zh-CN", "archmodel diagram: --depth 不能为负数", "用法见 'archmodel diagram --help'。")]
    [TestCase("en", "archmodel diagram: --depth must be 0 or more", "Try 'archmodel diagram --help'.")]
    public void Diagram_UsageError_IsInTheCommandLinesLanguage_LangElseChinese(string lang, string first, string second)
    {
        string[] args = ["diagram", Demo, "--view", "landscape", "--depth", "-1"];
        var (code, _, stderr) = CliRunner.Run(lang.Length == 0 ? args : [.. args, "--lang", lang]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { first, second }));
    }

    [TestCase("landscpe", "Did you mean 'landscape'?")]
    [TestCase("agency", "Did you mean 'agency:ID'?")]
    [TestCase("agency:ag.prov.pds", "Did you mean 'ag.prov.psd'")]
    public void Diagram_MisspeltView_SaysWhatWasMeant(string view, string hint)
    {
        var (code, _, stderr) = CliRunner.Run("diagram", Demo, "--view", view, "--lang", "en");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(hint));
    }

    [Test]
    public void Diagram_NoView_ExitsTwo()
    {
        Assert.That(CliRunner.Run("diagram", Demo).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Diagram_FiltersAndLanguage_Apply()
    {
        var (code, stdout, _) = CliRunner.Run("diagram", Demo, "--view", "landscape", "--sector", "公安", "--level", "provincial", "--lang", "en");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("示范省公安厅").And.Not.Contain("示范省教育厅"));
        Assert.That(stdout, Does.Contain("Legend"));
    }

    [Test]
    public void Diagram_LowLimits_AggregatesAndSaysSoOnStandardError()
    {
        var (code, stdout, stderr) = CliRunner.Run("diagram", Demo, "--view", "landscape", "--max-nodes", "20", "--format", "mermaid");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("已按"));
        Assert.That(stderr, Does.Contain("archmodel: "));
    }

    [Test]
    public void Diagram_OutputOverInput_IsRefused()
    {
        var (code, _, stderr) = CliRunner.Run("diagram", Demo, "--view", "network", "--output", Demo);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("输入文件"));
    }
}
