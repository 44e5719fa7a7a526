namespace ArchModel.Output;

/// <summary>The JSON Schema of the model format, as shipped in the package.</summary>
internal static class ModelSchema
{
    /// <summary>The schema's text (JSON Schema draft-07, descriptions in English and Chinese).</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ModelSchema).Assembly.GetManifestResourceStream("ArchModel.archmodel.schema.json")
            ?? throw new InvalidOperationException("The model schema is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
