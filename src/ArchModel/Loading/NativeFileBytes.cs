using System.Buffers;
using System.Runtime.InteropServices;

namespace ArchModel.Loading;

/// <summary>
/// A model file's bytes, held outside the managed heap for the length of a load.
/// </summary>
/// <remarks>
/// A national model is some hundreds of megabytes of JSON read in files of a dozen megabytes each. As byte arrays
/// they would go to the large-object heap, and every such allocation counts towards the next full collection, each
/// of which marks the whole model being built; in native memory they count towards none. The load frees them when
/// it ends (<see cref="ModelLoader"/> disposes every file it read, in a <c>finally</c>); reading after that throws
/// rather than reading freed memory. No finalizer: one could free the bytes while a span over them is in use.
/// </remarks>
internal sealed unsafe partial class NativeFileBytes : MemoryManager<byte>
{
    private byte* _pointer;
    private readonly int _length;

    private NativeFileBytes(byte* pointer, int length)
    {
        _pointer = pointer;
        _length = length;
    }

    /// <summary>
    /// Reads a whole file, or returns <see langword="null"/> when its length is not known in advance (a pipe, or a
    /// file that reports none) so that the caller reads it the ordinary way.
    /// </summary>
    public static NativeFileBytes? Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (length <= 0 || length > Array.MaxLength)
        {
            return null;
        }
        var pointer = Allocate(length);
        try
        {
            // A file that shrinks while it is read keeps what was there; one that grows is read to its length.
            var span = new Span<byte>(pointer, (int)length);
            var total = 0;
            while (total < span.Length)
            {
                var read = RandomAccess.Read(handle, span[total..], total);
                if (read == 0)
                {
                    break;
                }
                total += read;
            }
            return new NativeFileBytes(pointer, total);
        }
        catch
        {
            NativeMemory.AlignedFree(pointer);
            throw;
        }
    }

    // The size of a transparent huge page on Linux (x86-64 and arm64 with 4 KiB pages).
    private const int HugePage = 2 << 20;
    private const int MadviseHugePage = 14;
    private static bool s_adviceUnavailable;

    /// <summary>
    /// Memory for a file's bytes. On Linux a file of 2 MiB and more gets memory aligned to a huge page and advised to be
    /// backed by huge pages: where the kernel's transparent huge pages are on <c>madvise</c> (the common default),
    /// writing a national model's 180 MB into 4 KiB pages costs 45,000 page faults (on a virtual machine each several
    /// microseconds), with huge pages about a hundred. Elsewhere, or if the advice is refused, nothing changes.
    /// </summary>
    private static byte* Allocate(long length)
    {
        var huge = length >= HugePage && OperatingSystem.IsLinux() && !Volatile.Read(ref s_adviceUnavailable);
        var pointer = (byte*)NativeMemory.AlignedAlloc((nuint)length, huge ? HugePage : (nuint)64);
        if (huge)
        {
            try
            {
                _ = Madvise(pointer, (nuint)(length / HugePage * HugePage), MadviseHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref s_adviceUnavailable, true);
            }
        }
        return pointer;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(byte* address, nuint length, int advice);

    /// <inheritdoc />
    public override Span<byte> GetSpan() =>
        _pointer is null ? throw new ObjectDisposedException(nameof(NativeFileBytes)) : new Span<byte>(_pointer, _length);

    /// <inheritdoc />
    public override MemoryHandle Pin(int elementIndex = 0) =>
        _pointer is null ? throw new ObjectDisposedException(nameof(NativeFileBytes)) : new MemoryHandle(_pointer + elementIndex);

    /// <inheritdoc />
    public override void Unpin()
    {
        // Native memory does not move.
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (_pointer is not null)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
        }
    }
}
