using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

// The run of one complaint's rules: which run, in which order, and what their firings and faults leave.
internal static partial class RuleEvaluator
{
    /// <summary>What every decision needs: the rules, the facts, and where firings and faults go.</summary>
    private readonly struct Run(ComplaintRuleSet rules, ComplaintFacts facts, List<AssessmentWarning> warnings, Scratch scratch)
    {
        public ComplaintRuleSet Rules => rules;

        public ComplaintFacts Facts => facts;

        public Scratch Scratch => scratch;

        /// <summary>The place in evaluation order of the last rule that fired.</summary>
        public int LastFiring => scratch.Fired[^1];

        /// <summary>Passes over rules that are not read (the cause fallbacks of a text that is no complaint).</summary>
        public void Skip(int rules) => scratch.Next += rules;

        /// <summary>The place in evaluation order of the next rule to run.</summary>
        public int Next => scratch.Next;

        /// <summary>Moves on to the rule at <paramref name="position"/>, having passed over the rules before it.</summary>
        public void SkipTo(int position) => scratch.Next = position;

        /// <summary>
        /// The rules of one decision (the next <c>decision.Length</c> in evaluation order) that fire, in order; a rule its
        /// guard passes over is not touched. Run to the end, the run stands after the decision.
        /// </summary>
        public FiringRules<TRule> Firing<TRule>(TRule[] decision)
            where TRule : CompiledRule => new(this, decision);

        /// <summary><see cref="Fires"/> for a candidate (its guard lets it run) at its place, the rules before it passed over.</summary>
        /// <remarks>The run's place moves on only when the decision ends (<see cref="SkipTo"/>): nothing reads it in between.</remarks>
        public bool FiresCandidate(CompiledRule rule, int position)
        {
            System.Diagnostics.Debug.Assert(ReferenceEquals(rules.EvaluationOrder[position], rule), "rules run in evaluation order");
            if (!RuleFaults.Fires(rule, facts, rules.Faults, warnings))
            {
                return false;
            }

            scratch.Fired.Add(position);
            return true;
        }

        /// <summary>Whether the rule fires; a firing joins the trace, a fault the warnings.</summary>
        /// <remarks>The decisions run every rule of <see cref="ComplaintRuleSet.EvaluationOrder"/> once, in that order.</remarks>
        public bool Fires(CompiledRule rule)
        {
            var position = scratch.Next++;
            System.Diagnostics.Debug.Assert(ReferenceEquals(rules.EvaluationOrder[position], rule), "rules run in evaluation order");
            if ((rule.Guard is { } guard && Absent(guard, facts.SignalCounts)) || !RuleFaults.Fires(rule, facts, rules.Faults, warnings))
            {
                return false;
            }

            scratch.Fired.Add(position);
            return true;
        }

        // Every signal the condition needs is absent: it is false, and running it could not throw.
        private static bool Absent(int[] guard, int[] counts)
        {
            foreach (var slot in guard)
            {
                if (counts[slot] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A rule that fired: the rule, its index in its decision, its place in evaluation order.</summary>
    private readonly record struct FiringRule<TRule>(TRule Rule, int Index, int Position);

    /// <summary>The firing rules of one decision (<see cref="Run.Firing{TRule}"/>), for <c>foreach</c>.</summary>
    private ref struct FiringRules<TRule>(Run run, TRule[] decision)
        where TRule : CompiledRule
    {
        private readonly int _start = run.Next;
        private RuleCandidates.Walk _walk = new(run.Scratch.Candidates, run.Next, run.Next + decision.Length);

        public FiringRule<TRule> Current { get; private set; }

        public readonly FiringRules<TRule> GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_walk.Next(out var p))
            {
                var rule = decision[p - _start];
                if (run.FiresCandidate(rule, p))
                {
                    Current = new(rule, p - _start, p);
                    return true;
                }
            }

            run.SkipTo(_start + decision.Length);
            return false;
        }
    }
}
