using System.Reflection;

namespace ArchModel.Output;

/// <summary>The name and version that outputs carry.</summary>
internal static class ToolInfo
{
    /// <summary>The tool's name: <c>archmodel</c>.</summary>
    public const string Name = "archmodel";

    /// <summary>Where to read about the tool and report problems.</summary>
    public const string InformationUri = "https://github.com/archmodel/archmodel";

    /// <summary>The library's version (without build metadata, so that outputs do not change with each commit).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
