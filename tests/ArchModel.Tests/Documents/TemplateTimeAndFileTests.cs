using System.Diagnostics;
using ArchModel.Documents;

namespace ArchModel.Tests.Documents;

/// <summary>
/// A user template is stopped by the wall clock too (AM0105), wherever it spends its time: in a loop, in recursion
/// without loops, in one regular expression. And template files are read only from regular files, never more than
/// the byte limit actually read: a pipe or a device cannot hang or flood the report.
/// </summary>
public sealed class TemplateTimeAndFileTests
{
    // Long enough that a cold start (JIT, the view model) does not reach it before the template's own work does.
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(2);

    private static (ReportResult Result, TimeSpan Elapsed) Render(string path, TemplateLimits limits, CancellationToken cancellationToken = default)
    {
        var m = DocumentTestSupport.Golden();
        var clock = Stopwatch.StartNew();
        var result = ReportGenerator.Render(m.Model, m.Analysis, new ReportOptions { Template = path, Limits = limits }, cancellationToken);
        return (result, clock.Elapsed);
    }

    private static Diagnostic TimedOut(ReportResult result, TimeSpan elapsed, string file)
    {
        Assert.That(result.Succeeded, Is.False);
        var d = result.Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo(DocumentDiagnostics.TemplateTimeout), d.ToString());
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.Location!.File, Does.EndWith(file));
        Assert.That(d.Message.English, Does.Contain("2 s"));
        Assert.That(d.Message.Chinese, Does.Contain("2 秒"));
        // Stopped near the limit, not after the loop, the recursion or the regex had run their course (hours).
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(9)));
        return d;
    }

    [Test]
    public void Limits_Defaults_ThirtySecondsForTemplateFilesNoneForBuiltIns()
    {
        Assert.That(TemplateLimits.Default.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(new ReportOptions().Limits.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(TemplateLimits.BuiltIn.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
        Assert.That(() => TemplateLimits.Default with { Timeout = TimeSpan.Zero }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => TemplateLimits.Default with { Timeout = TimeSpan.FromSeconds(-2) }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(DocumentDiagnostics.All.Select(static r => r.Code), Does.Contain("AM0105"));
    }

    [Test]
    public void Render_LoopOverAHugeString_IsStoppedAtTheTimeLimitWithALocatedError()
    {
        using var temp = new TempFolder();
        // An 8M-character string replaced 100,000 times, within the loop and output limits: about half an hour.
        var path = temp.Write("slow.sbn-md", "{{ s = \"ab\"\nfor i in 1..22\n  s = s + s\nend\nfor i in 1..100000\n  x = s | string.replace \"a\" \"c\"\nend }}done");
        var (result, elapsed) = Render(path, TemplateLimits.Default with { Timeout = Short });
        var d = TimedOut(result, elapsed, "slow.sbn-md");
        Assert.That(d.Location!.Line, Is.InRange(5, 6));
    }

    [Test]
    public void Render_ExponentialRecursionWithoutLoops_IsStoppedAtTheTimeLimit()
    {
        using var temp = new TempFolder();
        // 2^40 calls, never deeper than 41: the recursion limit cannot stop it, the clock does.
        var path = temp.Write("fork.sbn-md", "{{ func f(n)\n  if n > 0\n    f(n - 1)\n    f(n - 1)\n  end\nend }}{{ f 40 }}");
        var (result, elapsed) = Render(path, TemplateLimits.Default with { Timeout = Short });
        var d = TimedOut(result, elapsed, "fork.sbn-md");
        Assert.That(d.Location!.Line, Is.InRange(1, 6));
    }

    [Test]
    public void Render_BacktrackingRegularExpression_GetsOnlyTheTimeLeft()
    {
        using var temp = new TempFolder();
        // Catastrophic backtracking: 2^40 ways to split the a's before the match fails at "!". Without the time limit
        // the regex ran until Scriban's own 10-second regex timeout, then failed as a runtime error (AM0102).
        var path = temp.Write("regex.sbn-md", "ok\n{{ \"" + new string('a', 40) + "!\" | regex.match \"^(a+)+$\" }}");
        var (result, elapsed) = Render(path, TemplateLimits.Default with { Timeout = Short });
        var d = TimedOut(result, elapsed, "regex.sbn-md");
        Assert.That((d.Location!.Line, d.Location.Column), Is.EqualTo((2, 50)), d.Format(Language.English));
    }

    [Test]
    public void Render_FastTemplateUnderATimeLimit_Succeeds()
    {
        using var temp = new TempFolder();
        var path = temp.Write("fast.sbn-md", "{{ for i in 1..1000 }}{{ i | regex.match \"^1\" | array.size }}{{ end }}");
        var (result, _) = Render(path, TemplateLimits.Default with { Timeout = TimeSpan.FromSeconds(20) });
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Text, Has.Length.EqualTo(1000));
    }

    [Test]
    public void Render_CallersCancellation_IsStillAnOperationCanceledException()
    {
        using var temp = new TempFolder();
        var path = temp.Write("fork.sbn-md", "{{ func f(n)\n  if n > 0\n    f(n - 1)\n    f(n - 1)\n  end\nend }}{{ f 40 }}");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.That(() => Render(path, TemplateLimits.Default with { Timeout = TimeSpan.FromSeconds(60) }, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static string MakeFifo(TempFolder temp, string name)
    {
        var path = Path.Combine(temp.Path, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.EqualTo(0));
        return path;
    }

    /// <summary>Renders on another thread: a template reader that opens a pipe blocks forever, and the test must end.</summary>
    private static ReportResult RenderWithin(string path, TemplateLimits? limits = null)
    {
        var task = Task.Run(() => Render(path, limits ?? TemplateLimits.Default).Result);
        Assert.That(task.Wait(TimeSpan.FromSeconds(20)), Is.True, "reading the template hung");
        return task.Result;
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Render_IncludeOfAPipe_IsRefusedAtTheInclude()
    {
        using var temp = new TempFolder();
        MakeFifo(temp, "pipe.sbn-md");
        var path = temp.Write("main.sbn-md", "title\n  {{ include \"pipe\" }}");
        var result = RenderWithin(path);
        var d = result.Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo(DocumentDiagnostics.TemplateAccess), d.ToString());
        Assert.That(d.Location!.File, Does.EndWith("main.sbn-md"));
        Assert.That((d.Location.Line, d.Location.Column), Is.EqualTo((2, 6)));
        Assert.That(d.Message.English, Does.Contain("not a regular file"));
        Assert.That(d.Message.Chinese, Does.Contain("不是普通文件"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Render_MainTemplateIsAPipe_IsRefusedAsUnreadable()
    {
        using var temp = new TempFolder();
        var pipe = MakeFifo(temp, "pipe.sbn-md");
        var result = RenderWithin(pipe);
        Assert.That(result.TemplateNotFound, Is.True);
        Assert.That(result.Diagnostics.Single().Message.English, Does.Contain("not a regular file"));
    }

    [Test]
    public void Render_MainTemplateLargerThanItsReportedSize_IsLimitedByTheBytesRead()
    {
        // Files under /proc report a size of 0 whatever they hold: the limit must count what is read.
        const string file = "/proc/self/status";
        Assume.That(File.Exists(file), "needs Linux's /proc");
        Assert.That(new FileInfo(file).Length, Is.EqualTo(0));
        var result = RenderWithin(file, TemplateLimits.Default with { MaxTemplateBytes = 64 });
        Assert.That(result.TemplateNotFound, Is.True);
        Assert.That(result.Diagnostics.Single().Message.English, Does.Contain("larger than 64 bytes"));
    }

    [Test]
    public void Render_FolderAsTemplate_IsRefusedAsUnreadable()
    {
        using var temp = new TempFolder();
        var result = RenderWithin(temp.Path);
        Assert.That(result.TemplateNotFound, Is.True);
        Assert.That(result.Diagnostics.Single().Message.English, Does.Contain("folder"));
    }
}
