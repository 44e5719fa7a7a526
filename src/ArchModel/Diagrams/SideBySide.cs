namespace ArchModel.Diagrams;

/// <summary>The independent pieces of a large view, made on every processor; a small view's in order on the caller's thread.</summary>
internal static class SideBySide
{
    /// <summary>Calls <paramref name="body"/> for 0 to <paramref name="count"/> − 1: side by side when <paramref name="parallel"/>,
    /// else one after another (a handful of pieces is not worth handing to other threads).</summary>
    /// <remarks>The pieces must only read what they share and write their own results.</remarks>
    public static void For(int count, bool parallel, Action<int> body)
    {
        if (parallel)
        {
            Parallel.For(0, count, body);
            return;
        }
        for (var i = 0; i < count; i++)
        {
            body(i);
        }
    }
}
