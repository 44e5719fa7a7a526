namespace ArchModel.Cli.Tests;

public sealed class SiteCommandTests
{
    private static readonly string Quickstart = CliRunner.Model("quickstart");

    [Test]
    public void Site_QuickstartIntoNewFolder_WritesTheSiteAndNamesItsIndex()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "site");

        var (code, stdout, stderr) = CliRunner.Run("site", Quickstart, "--output", folder, "--lang", "en", "--no-diagrams");

        Assert.That((code, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Does.Contain(new Uri(Path.Combine(folder, "index.html")).AbsoluteUri));
        Assert.That(File.Exists(Path.Combine(folder, "index.html")), Is.True);
        Assert.That(File.Exists(Path.Combine(folder, ".archmodel-site")), Is.True);
        // Progress goes to a terminal only: the test's standard error is not one.
        Assert.That(stderr, Does.Not.Contain("pages"));
    }

    [Test]
    public void Site_FolderWithOtherFiles_Exit3AndTheFilesUntouched()
    {
        using var temp = new TempFolder();
        temp.Write("notes.txt", "mine");

        var (code, stdout, stderr) = CliRunner.Run("site", Quickstart, "--output", temp.Path, "--lang", "en", "--no-diagrams");

        Assert.That(code, Is.EqualTo(3));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.StartWith("archmodel site: refusing to write into"));
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Has.Length.EqualTo(1));
    }

    [Test]
    public void Site_RunTwiceIntoTheSameFolder_SecondRunReplacesTheFirst()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "site");
        Assert.That(CliRunner.Run("site", Quickstart, "--output", folder, "--no-diagrams").ExitCode, Is.EqualTo(0));

        var (code, _, stderr) = CliRunner.Run("site", Quickstart, "--output", folder, "--no-diagrams", "--quiet");

        Assert.That((code, stderr), Is.EqualTo((0, "")));
    }

    [Test]
    public void Site_WithoutOutput_UsageExit2()
    {
        var (code, _, stderr) = CliRunner.Run("site", Quickstart);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--output"));
    }
}
