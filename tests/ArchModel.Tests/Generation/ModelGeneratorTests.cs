using ArchModel.Generation;
using ArchModel.Tests.Output;

namespace ArchModel.Tests.Generation;

public sealed class ModelGeneratorTests
{
    [Test]
    public void Write_ALargeModel_ReachesTheStreamInPiecesAndTheSameEveryTime()
    {
        // A Utf8JsonWriter over a stream keeps everything until flushed: a national model in one file is 440 MB.
        // The generator hands it on about a megabyte at a time.
        var options = new GeneratorOptions { Agencies = 3000, Seed = 5 };
        using var pieces = new WriteSizes();
        ModelGenerator.Write(pieces, options);
        Assert.That(pieces.Length, Is.GreaterThan(4 << 20), "large enough to need several pieces");
        Assert.That(pieces.Writes, Is.GreaterThan(3));
        Assert.That(pieces.Largest, Is.LessThan(2 << 20));
        using var whole = new MemoryStream();
        ModelGenerator.Write(whole, options);
        Assert.That(pieces.ToArray(), Is.EqualTo(whole.ToArray()));
    }
}
