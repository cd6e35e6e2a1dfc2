using System.Buffers;
using System.Runtime.CompilerServices;

namespace Boilerplate.Core.Segmentation.Html;

/// <summary>
/// A parsed page as the segmenter needs it and no more: elements with lower-case local names, the attributes in
/// <see cref="LiteAttributes"/>, and text, in document order. Nodes live in one array and text and attribute values
/// are slices of the source (or of one buffer of decoded text), so a page costs a few arrays, not an object per node.
/// </summary>
/// <remarks>
/// Built by <see cref="LiteTreeBuilder"/>; read through <see cref="LiteNode"/> handles. The arrays are rented from
/// the shared pools, sized from the source length so that they rarely grow: dispose the document when done with it
/// (no handle may be used after that).
/// </remarks>
internal sealed class LiteDocument : IDisposable
{
    /// <summary>No node: the end of a sibling list, or an absent head/body.</summary>
    public const int None = -1;

    internal NodeData[] Nodes;
    internal AttributeData[] Attributes;
    internal int NodeCount;
    internal int AttributeCount;
    internal char[] Decoded;
    internal int DecodedLength;

    internal LiteDocument(string source)
    {
        Source = source;

        // Across the 1,107 corpus pages the median page holds a node per 86 source characters, a kept attribute per
        // 191 and a decoded character per 80; the sizes below cover most pages without growing.
        Nodes = ArrayPool<NodeData>.Shared.Rent(Math.Max(256, source.Length / 64));
        Attributes = ArrayPool<AttributeData>.Shared.Rent(Math.Max(64, source.Length / 128));
        Decoded = ArrayPool<char>.Shared.Rent(Math.Max(256, source.Length / 64));
    }

    /// <summary>The HTML the document was parsed from.</summary>
    public string Source { get; }

    /// <summary>The &lt;html&gt; element, root of every other node.</summary>
    public LiteNode Root => new(this, 0);

    /// <summary>The &lt;head&gt; element, if the page has one (explicit or implied).</summary>
    public LiteNode? Head => HeadIndex == None ? null : new LiteNode(this, HeadIndex);

    /// <summary>The &lt;body&gt; element, if the page reached one.</summary>
    public LiteNode? Body => BodyIndex == None ? null : new LiteNode(this, BodyIndex);

    /// <summary>Most JSON-LD scripts whose range a document notes; a page needs one or two.</summary>
    public const int MaxJsonLdScripts = 16;

    /// <summary>Source ranges of the page's first JSON-LD scripts (<c>type="application/ld+json"</c>), in order.</summary>
    public IReadOnlyList<Range> JsonLdScripts => _jsonLd;

    private readonly List<Range> _jsonLd = [];

    internal int HeadIndex { get; set; } = None;

    /// <summary>Notes the content range of script element <paramref name="node"/> when it holds JSON-LD.</summary>
    internal void NoteScript(int node, int start, int length)
    {
        if (_jsonLd.Count < MaxJsonLdScripts
            && new LiteNode(this, node).TryGetAttribute(LiteAttribute.Type, out var type)
            && type.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase))
        {
            _jsonLd.Add(new Range(start, start + length));
        }
    }

    internal int BodyIndex { get; set; } = None;

    /// <summary>Most Suspense boundary comments a document notes; past it later boundaries keep their fallbacks.</summary>
    public const int MaxSuspenseMarkers = 4096;

    /// <summary>React Suspense boundary comments in the body, in source order (see <see cref="StreamedSegments"/>).</summary>
    internal IReadOnlyList<SuspenseMarker> SuspenseMarkers => _suspenseMarkers;

    private readonly List<SuspenseMarker> _suspenseMarkers = [];

    /// <summary>Notes a boundary comment read while <paramref name="parent"/> was the insertion point.</summary>
    internal void NoteSuspenseMarker(int parent, bool start)
    {
        if (_suspenseMarkers.Count < MaxSuspenseMarkers && parent >= 0)
        {
            _suspenseMarkers.Add(new SuspenseMarker(parent, Nodes[parent].LastChild, start));
        }
    }

    /// <summary>Makes <paramref name="node"/> the last child of <paramref name="parent"/>, or its child before <paramref name="before"/>.</summary>
    internal void Link(int parent, int node, int before)
    {
        var nodes = Nodes;
        nodes[node].Parent = parent;
        if (before == None)
        {
            var last = nodes[parent].LastChild;
            nodes[node].Previous = last;
            if (last == None)
            {
                nodes[parent].FirstChild = node;
            }
            else
            {
                nodes[last].Next = node;
            }

            nodes[parent].LastChild = node;
            return;
        }

        var previous = nodes[before].Previous;
        nodes[node].Previous = previous;
        nodes[node].Next = before;
        nodes[before].Previous = node;
        if (previous == None)
        {
            nodes[parent].FirstChild = node;
        }
        else
        {
            nodes[previous].Next = node;
        }
    }

    /// <summary>Takes <paramref name="node"/> out of its parent's children.</summary>
    internal void Unlink(int node)
    {
        var nodes = Nodes;
        ref var data = ref nodes[node];
        var parent = data.Parent;
        if (data.Previous == None)
        {
            nodes[parent].FirstChild = data.Next;
        }
        else
        {
            nodes[data.Previous].Next = data.Next;
        }

        if (data.Next == None)
        {
            nodes[parent].LastChild = data.Previous;
        }
        else
        {
            nodes[data.Next].Previous = data.Previous;
        }

        (data.Parent, data.Previous, data.Next) = (None, None, None);
    }

    /// <summary>Returns the arrays to their pools.</summary>
    public void Dispose()
    {
        // Nodes hold tag strings: cleared so the pool keeps no page's names alive.
        Array.Clear(Nodes, 0, NodeCount);
        ArrayPool<NodeData>.Shared.Return(Nodes);
        ArrayPool<AttributeData>.Shared.Return(Attributes);
        ArrayPool<char>.Shared.Return(Decoded);
        (Nodes, Attributes, Decoded, NodeCount, AttributeCount, DecodedLength) = ([], [], [], 0, 0, 0);
        _jsonLd.Clear();
        _suspenseMarkers.Clear();
    }

    /// <summary>Grows a pooled array to hold at least <paramref name="needed"/> items.</summary>
    internal static void Grow<T>(ref T[] array, int used, int needed)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(array.Length * 2, needed));
        Array.Copy(array, bigger, used);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array, 0, used);
        }

        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }

    internal ReadOnlySpan<char> Slice(bool decoded, int start, int length) =>
        decoded ? Decoded.AsSpan(start, length) : Source.AsSpan(start, length);

    /// <summary>One node: an element (Tag set) or a text node (Tag null).</summary>
    internal struct NodeData
    {
        public string? Tag;
        public int Parent;
        public int FirstChild;
        public int LastChild;
        public int Next;
        public int Previous;

        /// <summary>Text: slice of <see cref="Source"/> or <see cref="Decoded"/>. Element: range in <see cref="Attributes"/>.</summary>
        public int Start;
        public int Length;
        public bool DecodedText;
    }

    /// <summary>A Suspense boundary comment: the element it was read in and the child it followed (or <see cref="None"/>).</summary>
    internal readonly record struct SuspenseMarker(int Parent, int After, bool Start);

    /// <summary>One kept attribute; its value is a slice like text.</summary>
    internal struct AttributeData
    {
        public LiteAttribute Name;
        public int Start;
        public int Length;
        public bool Decoded;
    }
}
