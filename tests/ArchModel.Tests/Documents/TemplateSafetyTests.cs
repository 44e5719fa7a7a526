using ArchModel.Documents;

namespace ArchModel.Tests.Documents;

/// <summary>
/// User templates are code written by others: each limit (loops, recursion, output size, file access, .NET
/// members) is proved here, and every template problem is a located diagnostic rather than an exception.
/// </summary>
public sealed class TemplateSafetyTests
{
    private static ReportResult RenderTemplate(TempFolder temp, string name, string text, TemplateLimits? limits = null,
        DocumentFormat format = DocumentFormat.Markdown)
    {
        var path = temp.Write(name, text);
        var m = DocumentTestSupport.Golden();
        return ReportGenerator.Render(m.Model, m.Analysis,
            new ReportOptions { Template = path, Format = format, Limits = limits ?? TemplateLimits.Default });
    }

    private static Diagnostic Single(ReportResult result, string code)
    {
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1), string.Join("\n", result.Diagnostics));
        var d = result.Diagnostics[0];
        Assert.That(d.Code, Is.EqualTo(code), d.ToString());
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.Location, Is.Not.Null);
        return d;
    }

    [Test]
    public void Render_InfiniteLoop_IsStoppedAtTheLoopLimitWithALocatedError()
    {
        using var temp = new TempFolder();
        var d = Single(RenderTemplate(temp, "loop.sbn-md", "ok\n{{ while true }}x{{ end }}"), DocumentDiagnostics.TemplateRuntime);
        Assert.That(d.Location!.File, Does.EndWith("loop.sbn-md"));
        Assert.That((d.Location.Line, d.Location.Column), Is.EqualTo((2, 4)));
        Assert.That(d.Message.English, Does.Contain("limit"));
    }

    [Test]
    public void Render_NestedLoopsBeyondTheLimit_AreStopped()
    {
        using var temp = new TempFolder();
        var d = Single(RenderTemplate(temp, "nested.sbn-md", "{{ for a in 1..100 }}{{ for b in 1..100 }}{{ end }}{{ end }}",
            TemplateLimits.Default with { LoopLimit = 1000 }), DocumentDiagnostics.TemplateRuntime);
        Assert.That(d.Location!.Line, Is.EqualTo(1));
    }

    [Test]
    public void Render_UnboundedRecursion_IsStoppedAtTheRecursionLimit()
    {
        using var temp = new TempFolder();
        var d = Single(RenderTemplate(temp, "recurse.sbn-md", "{{ func f(n)\n  ret f(n + 1)\nend }}{{ f 1 }}"), DocumentDiagnostics.TemplateRuntime);
        Assert.That(d.Message.English, Does.Contain("recursive"));
        Assert.That(d.Location!.Line, Is.EqualTo(2));
    }

    [Test]
    public void Render_TemplateIncludingItself_IsStoppedAtTheRecursionLimit()
    {
        using var temp = new TempFolder();
        var d = Single(RenderTemplate(temp, "self.sbn-md", "x{{ include \"self.sbn-md\" }}"), DocumentDiagnostics.TemplateRuntime);
        Assert.That(d.Location!.File, Does.EndWith("self.sbn-md"));
    }

    [Test]
    public void Render_OutputBeyondTheLimit_IsStopped()
    {
        using var temp = new TempFolder();
        var d = Single(RenderTemplate(temp, "big.sbn-md", "{{ for i in 1..5000 }}0123456789{{ end }}",
            TemplateLimits.Default with { MaxOutputChars = 10_000 }), DocumentDiagnostics.TemplateRuntime);
        Assert.That(d.Location!.File, Does.EndWith("big.sbn-md"));
    }

    [Test]
    public void Render_StringGrowingBeyondTheLimit_IsStopped()
    {
        using var temp = new TempFolder();
        var result = RenderTemplate(temp, "grow.sbn-md", "{{ s = \"ab\"\nfor i in 1..40\n  s = s + s\nend }}{{ s | string.size }}",
            TemplateLimits.Default with { MaxOutputChars = 100_000 });
        Assert.That(result.Succeeded, Is.False, result.Text?[..Math.Min(100, result.Text.Length)]);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DocumentDiagnostics.TemplateRuntime));
    }

    [TestCase("../outside.sbn-md")]
    [TestCase("sub/../../outside.sbn-md")]
    [TestCase("/etc/passwd")]
    public void Render_IncludeOutsideTheTemplateFolder_IsRefusedWithALocatedError(string target)
    {
        using var temp = new TempFolder();
        temp.Write("outside.sbn-md", "secret");
        var d = Single(RenderTemplate(temp, "inner/main.sbn-md", $"line one\n  {{{{ include \"{target}\" }}}}"), DocumentDiagnostics.TemplateAccess);
        Assert.That(d.Location!.File, Does.EndWith("inner/main.sbn-md"));
        Assert.That((d.Location.Line, d.Location.Column), Is.EqualTo((2, 6)));
        Assert.That(d.Message.English, Does.Contain("refused"));
    }

    [Test]
    public void Render_SymbolicLinkLeavingTheFolder_IsRefused()
    {
        using var temp = new TempFolder();
        var outside = temp.Write("outside.txt", "secret");
        Directory.CreateDirectory(Path.Combine(temp.Path, "inner"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "inner", "link.sbn-md"), outside);
        var d = Single(RenderTemplate(temp, "inner/main.sbn-md", "{{ include \"link\" }}"), DocumentDiagnostics.TemplateAccess);
        Assert.That(d.Message.English, Does.Contain("outside"));
    }

    [Test]
    public void Render_IncludeInTheTemplatesFolder_Works()
    {
        using var temp = new TempFolder();
        temp.Write("t/parts/name.sbn-md", "[{{ model.id }}]");
        var result = RenderTemplate(temp, "t/main.sbn-md", "{{ include \"parts/name\" }}{{ include \"parts/name.sbn-md\" }}");
        Assert.That(result.Text, Is.EqualTo("[documents-golden][documents-golden]"));
    }

    [Test]
    public void Render_UserPartialWithABuiltInName_OverridesTheBuiltIn()
    {
        using var temp = new TempFolder();
        temp.Write("_md_footer.sbn-md", "my footer");
        var result = RenderTemplate(temp, "main.sbn-md", "{{ include \"_md_targets\" | string.size > 0 }}/{{ include \"_md_footer\" }}");
        Assert.That(result.Text, Is.EqualTo("true/my footer"));
    }

    [Test]
    public void Render_MissingInclude_IsALocatedError()
    {
        using var temp = new TempFolder();
        var d = Single(RenderTemplate(temp, "main.sbn-md", "{{ include \"nope\" }}"), DocumentDiagnostics.TemplateAccess);
        Assert.That(d.Message.English, Does.Contain("not found"));
    }

    [Test]
    public void Render_DotNetMembers_AreNotReachable()
    {
        using var temp = new TempFolder();
        var result = RenderTemplate(temp, "members.sbn-md",
            "[{{ model.GetType }}][{{ model.name.Length }}][{{ counts.GetHashCode }}][{{ model.GetType().Assembly }}][{{ date.now }}]");
        Assert.That(result.Text ?? string.Join("\n", result.Diagnostics), Is.EqualTo("[][][][][]").Or.Not.Contain("System."));
        if (result.Succeeded)
        {
            Assert.That(result.Text, Does.Not.Contain("ArchModel").And.Not.Contain("System").And.Not.Contain("Scriban"));
        }
    }

    [Test]
    public void Render_ObjectWithoutScriptMembers_ExposesNothing()
    {
        using var temp = new TempFolder();
        var result = RenderTemplate(temp, "keys.sbn-html", "{{ model | object.keys | array.join \",\" }}", format: DocumentFormat.Html);
        Assert.That(result.Text, Is.EqualTo("id,name,description,language,as_of,as_of_display"));
    }

    [Test]
    public void Render_SyntaxError_IsALocatedDiagnostic()
    {
        using var temp = new TempFolder();
        var d = Single(RenderTemplate(temp, "broken.sbn-md", "# title\n\n{{ 1 + }}\n"), DocumentDiagnostics.TemplateSyntax);
        Assert.That(d.Location!.File, Does.EndWith("broken.sbn-md"));
        // Scriban locates the error at the token where it gave up: the closing braces after the missing operand.
        Assert.That((d.Location.Line, d.Location.Column), Is.EqualTo((3, 8)));
    }

    [Test]
    public void Render_SyntaxErrorInAnInclude_IsLocatedInTheIncludedFile()
    {
        using var temp = new TempFolder();
        temp.Write("part.sbn-md", "ok\n{{ 1 + }}");
        var result = RenderTemplate(temp, "main.sbn-md", "{{ include \"part\" }}");
        Assert.That(result.Succeeded, Is.False);
        var d = result.Diagnostics[0];
        Assert.That(d.Code, Is.EqualTo(DocumentDiagnostics.TemplateSyntax));
        Assert.That(d.Location!.File, Does.EndWith("part.sbn-md"));
        Assert.That(d.Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void Render_MissingTemplateFile_IsTemplateNotFound()
    {
        var m = DocumentTestSupport.Golden();
        var result = ReportGenerator.Render(m.Model, m.Analysis, new ReportOptions { Template = "no/such/template.sbn-md" });
        Assert.That(result.TemplateNotFound, Is.True);
        Assert.That(result.Diagnostics.Single().Message.English, Does.Contain("overview"));
    }

    [Test]
    public void Render_RawOutputFromAUserTemplate_IsTheAuthorsChoice()
    {
        using var temp = new TempFolder();
        var result = RenderTemplate(temp, "raw.sbn-html", "{{ \"<b>\" }}{{ raw \"<b>\" }}", format: DocumentFormat.Html);
        Assert.That(result.Text, Is.EqualTo("&lt;b&gt;<b>"));
    }
}

/// <summary>Runtime errors of every kind a template can make become AM0102 diagnostics, never exceptions.</summary>
public sealed class TemplateRuntimeErrorTests
{
    [TestCase("{{ t \"summary.scope\" 1 }}")]
    [TestCase("{{ percent \"abc\" }}")]
    [TestCase("{{ 1 / 0 }}")]
    [TestCase("{{ undefined_function 1 2 }}")]
    [TestCase("{{ model.name | string.slice 5 -100 }}")]
    [TestCase("{{ \"x\" | regex.match \"(\" }}")]
    [TestCase("{{ [1, 2] | array.insert_at 1000000000 3 }}")]
    [TestCase("{{ include }}")]
    [TestCase("{{ include 42 }}")]
    public void Render_RuntimeError_IsALocatedDiagnosticOrHarmless(string text)
    {
        using var temp = new TempFolder();
        var path = temp.Write("e.sbn-md", text);
        var m = DocumentTestSupport.Golden();
        var result = ReportGenerator.Render(m.Model, m.Analysis, new ReportOptions { Template = path });
        if (!result.Succeeded)
        {
            var d = result.Diagnostics.Single();
            Assert.That(d.Code, Is.AnyOf(DocumentDiagnostics.TemplateRuntime, DocumentDiagnostics.TemplateAccess, DocumentDiagnostics.TemplateSyntax));
            Assert.That(d.Location!.File, Does.EndWith("e.sbn-md"));
            Assert.That(d.Location.Line, Is.EqualTo(1));
        }
    }
}
