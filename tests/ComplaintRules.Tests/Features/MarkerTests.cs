using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Features;

/// <summary>
/// The marker scan jumps sixteen characters at a time to the next '!', '?' or three equal characters: it finds the
/// same runs, at the same places, as reading every character (the reference below), also across block edges.
/// </summary>
public class MarkerTests
{
    [Property(Arbitrary = new[] { typeof(Texts) }, MaxTest = 500)]
    public void The_markers_are_those_of_a_scan_of_every_character(string text)
    {
        var rules = ComplaintRuleSet.Default;
        using var hits = new SignalHitList(16, 1 << 16);
        rules.Extractor.Extract(new Complaint { Id = "m", Text = text }, text, "en", hits);
        var names = rules.Extractor.Signals.Names;
        string[] markers = [SignalTable.ExclamationMark, SignalTable.ExclamationRun, SignalTable.QuestionRun, SignalTable.ElongatedWord];
        var found = hits.Items.ToArray().Where(h => markers.Contains(names[h.Signal])).Select(h => (names[h.Signal], h.Start, h.Length)).Order();

        Assert.Equal(Reference(text).Order(), found);
    }

    // The texts hold no whitespace, controls or characters that fold, so normalised and original offsets agree.
    private static List<(string, int, int)> Reference(string text)
    {
        var markers = new List<(string, int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            if (text[i] is '!' or '?')
            {
                var bangs = 0;
                for (; j < text.Length && text[j] is '!' or '?'; j++)
                {
                    if (text[j] == '!')
                    {
                        bangs++;
                        markers.Add((SignalTable.ExclamationMark, j, 1));
                    }
                }

                if (j - i >= 2)
                {
                    markers.Add((bangs > 0 ? SignalTable.ExclamationRun : SignalTable.QuestionRun, i, j - i));
                }
            }
            else
            {
                while (j < text.Length && text[j] == text[i])
                {
                    j++;
                }

                if (j - i >= 3 && text[i] is not ('x' or 'w') && char.IsLetter(text[i]))
                {
                    markers.Add((SignalTable.ElongatedWord, i, j - i));
                }
            }

            i = j;
        }

        return markers;
    }

    public static class Texts
    {
        public static Arbitrary<string> Strings() =>
            Gen.Elements('a', 'b', 'o', 'x', '!', '?', '好', '1', '.')
                .ArrayOf()
                .Select(chars => new string(chars))
                .Where(s => s.Length > 0)
                .ToArbitrary();
    }
}
