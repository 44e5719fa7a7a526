namespace ArchModel.Diagnostics;

/// <summary>The codes of the loading, validation and analysis diagnostics (AM0xxx) of the rule catalogue.</summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid JSON (syntax, comments, trailing comma, duplicate key, invalid UTF-8).</summary>
    public const string InvalidJson = "AM0001";
    /// <summary>Unknown property (warning).</summary>
    public const string UnknownProperty = "AM0002";
    /// <summary>Required property missing.</summary>
    public const string MissingProperty = "AM0003";
    /// <summary>Wrong type, unknown enum value, or out-of-range value.</summary>
    public const string InvalidValue = "AM0004";
    /// <summary>Duplicate id.</summary>
    public const string DuplicateId = "AM0005";
    /// <summary>Reference to an id that does not exist.</summary>
    public const string UnknownReference = "AM0006";
    /// <summary>Reference to an element of the wrong kind.</summary>
    public const string WrongKindReference = "AM0007";
    /// <summary>Cycle in agency or capability parent chains.</summary>
    public const string ParentCycle = "AM0008";
    /// <summary>Include missing, escaping the root folder, matching nothing, or (warning) forming a cycle.</summary>
    public const string IncludeProblem = "AM0009";
    /// <summary>Unsupported <c>formatVersion</c>.</summary>
    public const string UnsupportedVersion = "AM0010";
    /// <summary>A suppression that matched no finding (warning).</summary>
    public const string UnusedSuppression = "AM0011";
    /// <summary>A flow from a system to itself (warning).</summary>
    public const string SelfFlow = "AM0012";
    /// <summary>A rule threw while analysing the model (error): its findings are left out, the other rules' kept.</summary>
    public const string RuleFailed = "AM0013";
}
