using ComplaintRules.Testing;
using FsCheck;
using FsCheck.Xunit;

namespace ComplaintRules.Testing.Tests.Scoring;

/// <summary>The scorer's statistics against values worked out by hand.</summary>
public class ScoreMathTests
{
    private const int Places = 4;

    [Fact]
    public void Kappa_accuracy_and_per_class_scores_match_the_hand_computation()
    {
        // 10 items: gold a×5, b×5; predicted a a a a b | b b b a a. Agreement 7/10; chance 0.5·0.6 + 0.5·0.4 = 0.5;
        // κ = (0.7 − 0.5) / (1 − 0.5) = 0.4. a: tp 4, fp 2, fn 1 → P 2/3, R 0.8, F1 8/11. b: tp 3, fp 1, fn 2 → P 0.75, R 0.6, F1 2/3.
        string[] gold = ["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"];
        string[] predicted = ["a", "a", "a", "a", "b", "b", "b", "b", "a", "a"];

        var score = ScoreMath.Classification(gold, predicted);

        Assert.Equal(10, score.N);
        Assert.Equal(0.7, score.Accuracy, Places);
        Assert.Equal(0.4, score.Kappa, Places);
        Assert.Equal(2.0 / 3, score.PerClass["a"].Precision, Places);
        Assert.Equal(0.8, score.PerClass["a"].Recall, Places);
        Assert.Equal(8.0 / 11, score.PerClass["a"].F1, Places);
        Assert.Equal(2.0 / 3, score.PerClass["b"].F1, Places);
        Assert.Equal(((8.0 / 11) + (2.0 / 3)) / 2, score.MacroF1, Places);
        Assert.Equal(0.5, score.MajorityBaseline, Places);
        Assert.Equal(4, score.Confusion["a"]["a"]);
        Assert.Equal(2, score.Confusion["b"]["a"]);
    }

    [Fact]
    public void Macro_F1_counts_a_class_that_is_predicted_but_never_labelled_as_zero()
    {
        // a: tp 1, fn 1 → F1 2/3; b: tp 2 → F1 1; c: only a false positive → F1 0. Macro (2/3 + 1 + 0) / 3 = 5/9.
        var score = ScoreMath.Classification(["a", "a", "b", "b"], ["a", "c", "b", "b"]);

        Assert.Equal(0, score.PerClass["c"].F1);
        Assert.Equal(5.0 / 9, score.MacroF1, Places);
    }

    [Fact]
    public void Macro_F1_counts_a_labelled_class_that_is_never_predicted_as_zero()
    {
        // a: F1 1; b: tp 1, fp 1 → P 0.5, R 1, F1 2/3; c: labelled once, never predicted → F1 0. Macro 5/9.
        var score = ScoreMath.Classification(["a", "b", "c"], ["a", "b", "b"]);

        Assert.Equal(0, score.PerClass["c"].Recall);
        Assert.Equal(5.0 / 9, score.MacroF1, Places);
        Assert.Equal(1.0 / 3, score.MajorityBaseline, Places);
    }

    [Fact]
    public void Spearman_gives_tied_values_their_average_rank()
    {
        // x ranks 1, 2.5, 2.5, 4; y ranks 1, 3, 2, 4. Deviations (−1.5, 0, 0, 1.5) and (−1.5, 0.5, −0.5, 1.5):
        // Σxy 4.5, Σx² 4.5, Σy² 5 → ρ = 4.5 / √22.5 = 3 / √10.
        Assert.Equal([1, 2.5, 2.5, 4], ScoreMath.Ranks([1, 2, 2, 3]));
        Assert.Equal(3 / Math.Sqrt(10), ScoreMath.Spearman([1, 2, 2, 3], [1, 3, 2, 4]), Places);
    }

    [Fact]
    public void Spearman_with_ties_on_both_sides_matches_the_hand_computation()
    {
        // x ranks 1.5, 1.5, 3.5, 3.5; y ranks 1, 3, 3, 3. Σxy 2, Σx² 4, Σy² 3 → ρ = 2 / √12.
        Assert.Equal(2 / Math.Sqrt(12), ScoreMath.Spearman([0, 0, 1, 1], [0, 1, 1, 1]), Places);
    }

    [Fact]
    public void Spearman_is_zero_when_one_side_is_constant()
    {
        Assert.Equal(0, ScoreMath.Spearman([1, 2, 3], [2, 2, 2]));
    }

    [Fact]
    public void Binary_scores_count_true_and_false_positives()
    {
        // tp 2, fp 1, fn 1, tn 1: P 2/3, R 2/3, F1 2/3, accuracy 3/5.
        var score = ScoreMath.Binary([true, true, true, false, false], [true, true, false, true, false]);

        Assert.Equal((2, 1, 1), (score.TruePositives, score.FalsePositives, score.FalseNegatives));
        Assert.Equal(2.0 / 3, score.F1, Places);
        Assert.Equal(0.6, score.Accuracy, Places);
    }

    [Property(MaxTest = 200)]
    public void Agreement_with_oneself_is_perfect_and_every_share_stays_between_zero_and_one(NonEmptyArray<byte> labels, byte[] noise)
    {
        var gold = labels.Get.Select(b => ((char)('a' + (b % 4))).ToString()).ToArray();
        var predicted = gold.Select((g, i) => i < noise.Length && noise[i] % 3 == 0 ? "z" : g).ToArray();

        var self = ScoreMath.Classification(gold, gold);
        var other = ScoreMath.Classification(gold, predicted);

        Assert.Equal(1, self.Accuracy);
        Assert.Equal(1, self.MacroF1, Places);
        Assert.Equal(1, self.Kappa, Places);
        Assert.InRange(other.Accuracy, 0, 1);
        Assert.InRange(other.MacroF1, 0, 1);
        Assert.InRange(other.Kappa, -1, 1);
    }

    [Property(MaxTest = 200)]
    public void Spearman_is_symmetric_and_between_minus_one_and_one(NonEmptyArray<byte> xs, byte[] ys)
    {
        var x = xs.Get.Select(v => (double)(v % 5)).ToArray();
        var y = x.Select((_, i) => i < ys.Length ? ys[i] % 5 : 0.0).ToArray();

        var rho = ScoreMath.Spearman(x, y);

        Assert.InRange(rho, -1 - 1e-9, 1 + 1e-9);
        Assert.Equal(rho, ScoreMath.Spearman(y, x), 9);
    }
}
