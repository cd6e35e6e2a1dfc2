namespace Boilerplate.Core.Features;

/// <summary>
/// How much a block shares the vocabulary of the rest of the page's blocks of each label: the cosine between the
/// block's words and the first stage's label-weighted mix of every other block's words, with words weighted by how
/// rare they are on this page. The last paragraph of an article beside a "Read more" line uses the article's words;
/// a related-story teaser in the same spot does not, and neither its position nor its shape tells them apart.
/// Works in any script: it needs only the page's own words, no word list.
/// </summary>
public static class TopicCoherence
{
    /// <summary>Written for a block without words, or a label with no other block to compare with.</summary>
    public const float Absent = -1;

    private static readonly uint Seed = FeatureHasher.Namespace("topic");

    /// <summary>
    /// Writes, for every block of <paramref name="page"/> and label, the coherence in [0, 1] (or <see cref="Absent"/>)
    /// into <paramref name="output"/> (blocks x labels), given the first stage's probabilities (blocks x labels).
    /// </summary>
    public static void Compute(PreparedPage page, ReadOnlySpan<float> probabilities, int labels, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(page);
        var n = page.Count;
        var k = labels;
        if (probabilities.Length != n * k || output.Length != n * k)
        {
            throw new ArgumentException("Buffers do not match the page's block count.");
        }

        var characters = 0;
        for (var i = 0; i < n; i++)
        {
            characters += page[i].Text.Length;
        }

        // Prose averages five or six characters a word with its separator: sized once, rarely grown. The page's
        // buffers are rented, since their size follows the page's text past the large-object threshold.
        var blockTerms = new int[n + 1];
        var termBuffer = PageBuffers.Ints.Rent((characters / 6) + 16);
        var table = new TermTable((characters / 12) + 16);
        try
        {
            var count = DistinctTerms(page, blockTerms, ref termBuffer, table);
            var vocabulary = table.Count;

            // Vocabulary-sized buffers pass the large-object threshold on long pages: rented, and cleared as new ones are.
            var weightBuffer = PageBuffers.Floats.Rent(vocabulary);
            var mixBuffer = PageBuffers.Floats.Rent(vocabulary * k);
            try
            {
                var weights = weightBuffer.AsSpan(0, vocabulary);
                var mix = mixBuffer.AsSpan(0, vocabulary * k);
                weights.Clear();
                mix.Clear();
                Compute(termBuffer.AsSpan(0, count), blockTerms, weights, mix, n, k, probabilities, output);
            }
            finally
            {
                PageBuffers.Floats.Return(weightBuffer);
                PageBuffers.Floats.Return(mixBuffer);
            }
        }
        finally
        {
            table.Return();
            PageBuffers.Ints.Return(termBuffer);
        }
    }

    private static void Compute(
        ReadOnlySpan<int> terms, int[] blockTerms, Span<float> weights, Span<float> mix, int n, int k, ReadOnlySpan<float> probabilities, Span<float> output)
    {
        var vocabulary = weights.Length;

        // A word in every block (a function word, the site's name) says nothing about topic.
        foreach (var term in terms)
        {
            weights[term]++;
        }

        for (var t = 0; t < vocabulary; t++)
        {
            weights[t] = MathF.Log((n + 1) / weights[t]);
        }

        var norms = new float[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0f;
            foreach (var term in terms.Slice(blockTerms[i], blockTerms[i + 1] - blockTerms[i]))
            {
                sum += weights[term] * weights[term];
            }

            norms[i] = MathF.Sqrt(sum);
        }

        // Sum over blocks of probability x unit vector, per label; a block's own share is taken out below.
        for (var i = 0; i < n; i++)
        {
            if (norms[i] <= 0)
            {
                continue;
            }

            foreach (var term in terms.Slice(blockTerms[i], blockTerms[i + 1] - blockTerms[i]))
            {
                var value = weights[term] / norms[i];
                for (var j = 0; j < k; j++)
                {
                    mix[(term * k) + j] += probabilities[(i * k) + j] * value;
                }
            }
        }

        Span<float> mixNorms = stackalloc float[k];
        for (var t = 0; t < vocabulary; t++)
        {
            for (var j = 0; j < k; j++)
            {
                mixNorms[j] += mix[(t * k) + j] * mix[(t * k) + j];
            }
        }

        Span<float> dots = stackalloc float[k];
        for (var i = 0; i < n; i++)
        {
            var row = output.Slice(i * k, k);
            if (norms[i] <= 0)
            {
                row.Fill(Absent);
                continue;
            }

            dots.Clear();
            foreach (var term in terms.Slice(blockTerms[i], blockTerms[i + 1] - blockTerms[i]))
            {
                var value = weights[term] / norms[i];
                for (var j = 0; j < k; j++)
                {
                    dots[j] += value * mix[(term * k) + j];
                }
            }

            for (var j = 0; j < k; j++)
            {
                // |mix - p·v|² = |mix|² - 2p(v·mix) + p², v a unit vector.
                var p = probabilities[(i * k) + j];
                var restNorm = mixNorms[j] - (2 * p * dots[j]) + (p * p);
                row[j] = restNorm <= 1e-6f ? Absent : Math.Clamp((dots[j] - p) / MathF.Sqrt(restNorm), 0, 1);
            }
        }
    }

    /// <summary>
    /// Each block's distinct words as vocabulary indices (numbered in order of first use), concatenated into
    /// <paramref name="terms"/> (grown when full); block i's run starts at blockTerms[i]. Returns the count.
    /// </summary>
    private static int DistinctTerms(PreparedPage page, int[] blockTerms, ref int[] terms, TermTable table)
    {
        var n = page.Count;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            blockTerms[i] = count;
            var text = page[i].Text;
            foreach (var (start, length) in WordTokenizer.Ranges(text))
            {
                var term = table.IdOf(LowerHash(text.AsSpan(start, length)));
                if (!table.FirstInBlock(term, i))
                {
                    continue;
                }

                if (count == terms.Length)
                {
                    var grown = PageBuffers.Ints.Rent(terms.Length * 2);
                    terms.AsSpan().CopyTo(grown);
                    PageBuffers.Ints.Return(terms);
                    terms = grown;
                }

                terms[count++] = term;
            }
        }

        blockTerms[n] = count;
        return count;
    }

    private static uint LowerHash(ReadOnlySpan<char> word)
    {
        var hash = Seed;
        foreach (var c in word)
        {
            hash = FeatureHasher.Add(hash, char.ToLowerInvariant(c));
        }

        return hash;
    }
}
