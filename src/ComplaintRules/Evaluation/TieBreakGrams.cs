using System.Runtime.CompilerServices;
using System.Text;
using ComplaintRules.Features;

namespace ComplaintRules.Evaluation;

/// <summary>Receives the grams of a text, as <see cref="TieBreakGrams.Read{TVisitor}"/> finds them.</summary>
internal interface IGramVisitor
{
    /// <param name="hash">The gram's hash (<see cref="TieBreakGrams.Hash"/> of its written form).</param>
    /// <param name="start">Its first character in the text.</param>
    /// <param name="end">One past its last character.</param>
    void OnGram(ulong hash, int start, int end);
}

/// <summary>
/// The grams a tie-break weighs, read off the text the same way when it is trained and when it is used. Characters
/// are folded as for lexicon phrases (lower case, half width, simplified). English ("en", and any language that is not
/// "zh"): every word (a run of letters a–z and apostrophes) and every run of "!" and "?", and each two such tokens in a
/// row, written with one space between ("not received", "refund !!"). Chinese: every two and three characters in a row,
/// whitespace left out, that hold a Han character ("退款", "退款了"). Only the first <see cref="MaxChars"/> characters.
/// </summary>
/// <remarks>Linear in the text; allocates nothing. A gram is known by a 64-bit FNV-1a hash of its written form.</remarks>
internal static class TieBreakGrams
{
    private const ulong Basis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The hash of a gram as it is written in a rule file.</summary>
    public static ulong Hash(ReadOnlySpan<char> gram)
    {
        var h = Basis;
        foreach (var c in gram)
        {
            h = Step(h, c);
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, char c) => (h ^ c) * Prime;

    /// <summary>
    /// The characters read: a tie-break weighs the opening of a long letter, where its point is made, and costs at most
    /// a few microseconds whatever the length.
    /// </summary>
    public const int MaxChars = 1_000;

    /// <summary>Calls <paramref name="visitor"/> for every gram of the first <see cref="MaxChars"/> characters of <paramref name="text"/>, in order of end.</summary>
    public static void Read<TVisitor>(ReadOnlySpan<char> text, bool chinese, ref TVisitor visitor)
        where TVisitor : struct, IGramVisitor
    {
        text = text[..Math.Min(text.Length, MaxChars)];
        if (chinese)
        {
            ReadChinese(text, ref visitor);
        }
        else
        {
            ReadWords(text, ref visitor);
        }
    }

    /// <summary>Whether <paramref name="gram"/> is written as the reader writes grams of that language (else it can never match).</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> gram, bool chinese)
    {
        if (chinese)
        {
            if (gram.Length is not (2 or 3) || gram.IndexOfAnyInRange('\u4E00', '\u9FFF') < 0)
            {
                return false;
            }

            foreach (var c in gram)
            {
                if (c == ' ' || TextNormalizer.Fold(c) != c)
                {
                    return false;
                }
            }

            return true;
        }

        // One or two tokens, one space apart; a token is all word characters or all marks.
        var (tokens, kind) = (0, 0);
        for (var i = 0; i < gram.Length; i++)
        {
            var c = gram[i];
            var k = IsWordChar(c) ? 1 : IsMark(c) ? 2 : c == ' ' ? 0 : -1;
            if (k < 0 || (k == 0 && (kind == 0 || i == gram.Length - 1)) || (k > 0 && kind > 0 && k != kind))
            {
                return false;
            }

            tokens += k > 0 && kind == 0 ? 1 : 0;
            kind = k;
        }

        return tokens is 1 or 2;
    }

    /// <summary>The grams of <paramref name="text"/> as written forms, for training (allocates).</summary>
    public static List<string> Written(string text, bool chinese)
    {
        var collector = new Collector(text, chinese, []);
        Read(text, chinese, ref collector);
        return collector.Grams;
    }

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or '\'';

    private static char WordChar(char c)
    {
        var f = TextNormalizer.Fold(c);
        return f is '\u2019' or '\u2018' ? '\'' : f;
    }

    private static bool IsMark(char c) => c is '!' or '?';

    private static void ReadWords<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitorRef)
        where TVisitor : struct, IGramVisitor
    {
        var visitor = visitorRef; // a local copy: its fields can live in registers, not behind the reference
        int prevStart = -1;
        var prevHash = 0UL;
        var i = 0;
        while (i < text.Length)
        {
            var c = WordChar(text[i]);
            var word = IsWordChar(c);
            if (!word && !IsMark(c))
            {
                i++;
                continue;
            }

            var start = i;
            var h = Basis;
            var pair = prevStart >= 0 ? Step(prevHash, ' ') : 0UL;
            for (; i < text.Length; i++)
            {
                var k = WordChar(text[i]);
                if (word ? !IsWordChar(k) : !IsMark(k))
                {
                    break;
                }

                h = Step(h, k);
                pair = Step(pair, k);
            }

            visitor.OnGram(h, start, i);
            if (prevStart >= 0)
            {
                visitor.OnGram(pair, prevStart, i);
            }

            (prevStart, prevHash) = (start, h);
        }

        visitorRef = visitor;
    }

    private static void ReadChinese<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitorRef)
        where TVisitor : struct, IGramVisitor
    {
        var visitor = visitorRef; // a local copy: its fields can live in registers, not behind the reference
        // The last two characters kept (whitespace left out): their places, whether each is Han, the hash of the last
        // alone and of the two together (a trigram's hash goes on from its first two characters').
        int atA = -1, atB = -1;
        bool hanA = false, hanB = false;
        ulong hashB = 0, hashAB = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = TextNormalizer.Fold(text[i]);
            if (c == ' ')
            {
                continue;
            }

            var han = c is >= '\u4E00' and <= '\u9FFF';
            var hashBC = Step(hashB, c);
            if (atB >= 0 && (han || hanB))
            {
                visitor.OnGram(hashBC, atB, i + 1);
            }

            if (atA >= 0 && (han || hanA || hanB))
            {
                visitor.OnGram(Step(hashAB, c), atA, i + 1);
            }

            (atA, hanA, hashAB) = (atB, hanB, hashBC);
            (atB, hanB, hashB) = (i, han, Step(Basis, c));
        }

        visitorRef = visitor;
    }

    // Training: each gram's written form, rebuilt from its span (folded; Chinese without whitespace, words one space apart).
    private struct Collector(string text, bool chinese, List<string> grams) : IGramVisitor
    {
        public readonly List<string> Grams => grams;

        public readonly void OnGram(ulong hash, int start, int end)
        {
            var written = new StringBuilder(end - start);
            var previous = 0; // the kind of the last character kept: 1 a word's, 2 a mark's
            for (var i = start; i < end; i++)
            {
                var c = chinese ? TextNormalizer.Fold(text[i]) : WordChar(text[i]);
                var kind = chinese ? (c != ' ' ? 1 : 0) : IsWordChar(c) ? 1 : IsMark(c) ? 2 : 0;
                if (kind != 0 && !chinese && previous != kind && written.Length > 0)
                {
                    written.Append(' ');
                }

                if (kind != 0)
                {
                    written.Append(c);
                }

                previous = kind;
            }

            grams.Add(written.ToString());
        }
    }
}
