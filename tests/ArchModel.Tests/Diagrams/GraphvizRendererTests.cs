using System.Text;
using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

public sealed class GraphvizRendererTests
{
    [Test]
    public async Task RenderAsync_DotMissing_ReturnsNotFoundNamingThePackage()
    {
        var renderer = new GraphvizRenderer(new GraphvizOptions { Executable = "/nonexistent/dot-" + Guid.NewGuid().ToString("N") });
        var result = await renderer.RenderAsync("digraph { a }");
        Assert.That(result.Status, Is.EqualTo(GraphvizStatus.NotFound));
        Assert.That(result.Message.English, Does.Contain("apt-get install graphviz"));
        Assert.That(result.Message.Chinese, Does.Contain("apt-get install graphviz"));
    }

    [Test]
    public async Task RenderAsync_TooSlow_StopsAtTheTimeout()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The stand-in for a slow dot is a shell script.");
            return;
        }
        using var temp = new TempFolder();
        var slow = temp.Write("slow-dot.sh", "#!/bin/sh\nexec sleep 30\n");
        File.SetUnixFileMode(slow, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var renderer = new GraphvizRenderer(new GraphvizOptions { Executable = slow, Timeout = TimeSpan.FromMilliseconds(500) });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await renderer.RenderAsync("digraph { a }");
        Assert.That(result.Status, Is.EqualTo(GraphvizStatus.Timeout));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task RenderAsync_InvalidDot_FailsWithGraphvizsMessage()
    {
        VerifyTools.RequireDot();
        var result = await new GraphvizRenderer().RenderAsync("digraph { a -> }");
        Assert.That(result.Status, Is.EqualTo(GraphvizStatus.Failed));
        Assert.That(result.Errors, Does.Contain("syntax error"));
    }

    [Test]
    public async Task RenderAsync_ChineseLabels_WritesThemAsTextWithTheCjkFontList()
    {
        VerifyTools.RequireDot();
        var model = DiagramModels.Small();
        var result = await new GraphvizRenderer().RenderAsync(Views.Network(model));
        var svg = Encoding.UTF8.GetString(result.Output);
        Assert.That(result.Succeeded, Is.True, result.Errors);
        Assert.That(svg, Does.Contain(">公安信息网</text>"));
        Assert.That(svg, Does.Contain("WenQuanYi Micro Hei"));
    }

    [Test]
    public void RenderAsync_BadFormat_Throws()
    {
        Assert.That(async () => await new GraphvizRenderer().RenderAsync("digraph {}", "svg; rm -rf /"), Throws.ArgumentException);
    }
}
