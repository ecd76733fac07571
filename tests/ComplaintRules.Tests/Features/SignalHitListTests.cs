using ComplaintRules.Features;

namespace ComplaintRules.Tests.Features;

/// <summary>The per-signal links the extractor makes with the counts, which the evidence index reads instead of linking again.</summary>
public class SignalHitListTests
{
    [Fact]
    public void Counting_links_the_hits_that_are_not_negated_per_signal_in_list_order()
    {
        using var hits = new SignalHitList(4, 100);
        hits.Add(new SignalHit(1, 0, 3, HitKind.Affirmed));
        hits.Add(new SignalHit(2, 2, 2, HitKind.Negated));
        hits.Add(new SignalHit(1, 5, 1, HitKind.Affirmed));
        hits.Add(new SignalHit(2, 1, 4, HitKind.Demand));
        var counts = new int[3 * 4];

        hits.CountAndLink(3, counts, 4, closingStart: 4);

        Assert.Equal([0, 0, 0, 0, 2, 0, 0, 1, 0, 1, 1, 0], counts); // the fourth of each: affirmed hits from 4 on
        Assert.True(hits.TryGetLinks(3, out var links, out var textEnd, out var demandEnd));
        Assert.Equal((6, 5), (textEnd, demandEnd));
        Assert.Equal(0, links[0]);             // signal 0: none
        Assert.Equal(1, links[1]);             // signal 1: hit 0, then hit 2
        Assert.Equal(3, links[3 + 0]);
        Assert.Equal(0, links[3 + 2]);
        Assert.Equal(4, links[2]);             // signal 2: only hit 3 (hit 1 is negated)
        Assert.Equal(0, links[3 + 3]);
    }

    [Fact]
    public void The_links_lapse_when_the_list_changes_or_another_signal_table_asks()
    {
        using var hits = new SignalHitList(4, 100);
        hits.Add(new SignalHit(0, 0, 1, HitKind.Affirmed));
        hits.CountAndLink(2, new int[8], 4, closingStart: 0);

        Assert.False(hits.TryGetLinks(3, out _, out _, out _));
        hits.Add(new SignalHit(1, 1, 1, HitKind.Affirmed));
        Assert.False(hits.TryGetLinks(2, out _, out _, out _));
        hits.CountAndLink(2, new int[8], 4, closingStart: 0);
        hits.Truncate(1);
        Assert.False(hits.TryGetLinks(2, out _, out _, out _));
    }

    [Fact]
    public void A_full_list_drops_further_hits_and_says_so()
    {
        using var hits = new SignalHitList(4, 32); // the pool's sizes: 16, then 32
        for (var i = 0; i < 32; i++)
        {
            hits.Add(new SignalHit(0, i, 1, HitKind.Affirmed));
        }

        Assert.False(hits.Overflowed);
        hits.Add(new SignalHit(0, 32, 1, HitKind.Affirmed));

        Assert.True(hits.Overflowed);
        Assert.Equal(32, hits.Limit);
        Assert.Equal(32, hits.Count);
    }
}
