using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Diagrams;

/// <summary>How <see cref="GraphvizRenderer"/> runs Graphviz.</summary>
public sealed record GraphvizOptions
{
    /// <summary>The defaults: <c>dot</c> from the PATH, 60 seconds, fast layout from 150 nodes or 300 edges.</summary>
    public static GraphvizOptions Default { get; } = new();

    /// <summary>The <c>dot</c> executable: a name looked up on the PATH, or a path.</summary>
    public string Executable { get; init; } = "dot";

    /// <summary>How long <c>dot</c> may run before it is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>From this many nodes, the layout uses Graphviz's fast options (fewer optimisation passes, straight edges).</summary>
    public int FastLayoutNodes { get; init; } = 150;

    /// <summary>From this many edges, the layout uses Graphviz's fast options.</summary>
    public int FastLayoutEdges { get; init; } = 300;
}

/// <summary>How a Graphviz run ended.</summary>
public enum GraphvizStatus
{
    /// <summary><c>dot</c> exited with 0; <see cref="GraphvizResult.Output"/> holds the rendering.</summary>
    Success,
    /// <summary>The executable was not found: Graphviz is not installed.</summary>
    NotFound,
    /// <summary><c>dot</c> ran longer than <see cref="GraphvizOptions.Timeout"/> and was stopped.</summary>
    Timeout,
    /// <summary><c>dot</c> exited with an error.</summary>
    Failed,
}

/// <summary>The result of a Graphviz run.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Output">The rendered bytes (empty unless <see cref="GraphvizStatus.Success"/>).</param>
/// <param name="Errors">What <c>dot</c> wrote on standard error (warnings too, on success).</param>
/// <param name="Message">What happened, for a person, in both languages; for <see cref="GraphvizStatus.NotFound"/>
/// it names the package to install.</param>
public sealed record GraphvizResult(GraphvizStatus Status, byte[] Output, string Errors, LocalizedText Message)
{
    /// <summary>Whether the rendering succeeded.</summary>
    public bool Succeeded => Status == GraphvizStatus.Success;
}

/// <summary>
/// Renders DOT with Graphviz's <c>dot</c>, run as a process with a timeout. Graphviz is optional: the library
/// never needs it to load, analyse or write DOT and Mermaid; when it is missing, the result says which package
/// to install (Debian/Ubuntu: <c>apt-get install graphviz</c>, with <c>fonts-wqy-microhei</c> for Chinese).
/// </summary>
/// <remarks>Thread-safe: each call runs its own process.</remarks>
public sealed class GraphvizRenderer
{
    /// <summary>Creates a renderer.</summary>
    public GraphvizRenderer(GraphvizOptions? options = null) => Options = options ?? GraphvizOptions.Default;

    /// <summary>The options.</summary>
    public GraphvizOptions Options { get; }

    /// <summary>The install hint in the messages.</summary>
    public const string InstallHint = "apt-get install graphviz fonts-wqy-microhei";

    /// <summary>Writes <paramref name="view"/> as DOT and renders it; large views use the fast layout options.</summary>
    /// <param name="view">The view.</param>
    /// <param name="format">A Graphviz output format: <c>svg</c>, <c>png</c>, <c>pdf</c>, …</param>
    /// <param name="cancellationToken">Stops the process.</param>
    public Task<GraphvizResult> RenderAsync(DiagramView view, string format = "svg", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var large = view.Nodes.Count >= Options.FastLayoutNodes || view.Edges.Count >= Options.FastLayoutEdges;
        return RenderAsync(new DotWriter().Write(view), format, large, cancellationToken);
    }

    /// <summary>Renders DOT text.</summary>
    /// <param name="dot">The DOT text.</param>
    /// <param name="format">A Graphviz output format: <c>svg</c>, <c>png</c>, <c>pdf</c>, …</param>
    /// <param name="fastLayout">Whether to use the fast layout options (for large graphs).</param>
    /// <param name="cancellationToken">Stops the process.</param>
    public async Task<GraphvizResult> RenderAsync(string dot, string format = "svg", bool fastLayout = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        ArgumentException.ThrowIfNullOrEmpty(format);
        if (!format.All(static c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_'))
        {
            throw new ArgumentException($"'{format}' is not a Graphviz output format.", nameof(format));
        }
        var start = new ProcessStartInfo(Options.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-T" + format);
        if (fastLayout)
        {
            foreach (var option in new[] { "-Gnslimit=1", "-Gnslimit1=1", "-Gmclimit=0.1", "-Gsearchsize=10", "-Gsplines=line" })
            {
                start.ArgumentList.Add(option);
            }
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("not started");
        }
        catch (Win32Exception)
        {
            return new GraphvizResult(GraphvizStatus.NotFound, [], "", Texts.Of("graphviz.not-found", Options.Executable, InstallHint));
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.Timeout);
            var output = new MemoryStream();
            var readOut = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
            var readErr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                try
                {
                    await process.StandardInput.WriteAsync(dot.AsMemory(), timeout.Token).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // dot stopped reading (it failed early): its exit code and standard error say why.
                }
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended on its own meanwhile.
                }
                cancellationToken.ThrowIfCancellationRequested();
                var seconds = Options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
                return new GraphvizResult(GraphvizStatus.Timeout, [], "", Texts.Of("graphviz.timeout", seconds));
            }
            await readOut.ConfigureAwait(false);
            var errors = await readErr.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var first = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                return new GraphvizResult(GraphvizStatus.Failed, [], errors, Texts.Of("graphviz.failed", process.ExitCode, first));
            }
            return new GraphvizResult(GraphvizStatus.Success, output.ToArray(), errors, Texts.Of("graphviz.done"));
        }
    }
}
