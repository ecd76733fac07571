using ComplaintRules.Features;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Features;

/// <summary>Proximity patterns of lexicons ("near"), through near.rules.json: what they find, how they count, how they explain.</summary>
public sealed class NearPatternTests
{
    private static readonly Lazy<ComplaintRuleSet> s_near = new(() => Load("near.rules.json"));

    public static ComplaintRuleSet Near => s_near.Value;

    [Theory]
    [InlineData("My card can't be swiped at the supermarket.", "can't be swiped")]
    [InlineData("Since the update I have been unable to log in.", "unable to log in")]
    [InlineData("I cannot even withdraw my own savings", "cannot even withdraw")]
    [InlineData("The app WON'T LET ME LOG IN", "WON'T LET ME LOG IN")]
    [InlineData("My card cant be swiped at the supermarket.", "cant be swiped")]      // typed without the apostrophe
    [InlineData("The app WONT LET ME LOG IN", "WONT LET ME LOG IN")]
    [InlineData("The app won’t let me log in", "won’t let me log in")]
    [InlineData("It no longer lets me receive transfers.", "no longer lets me receive")]
    [InlineData("我的账户无法登录。", "无法登录")]
    [InlineData("一直无法正常提现", "无法正常提现")]
    [InlineData("卡片刷不了", "刷不了")]
    [InlineData("昨天开始登录不了了", "登录不了")]
    public void A_pattern_hit_spans_both_phrases_and_is_the_evidence(string text, string span)
    {
        var result = Analyze(text, Near);

        var expectation = Assert.Single(result.RootCauses, c => c.Cause == RootCause.Expectation);
        var evidence = Assert.Single(expectation.Evidence);
        Assert.Equal((span, "failed_action", "n.failed"), (evidence.Text, evidence.Signal, evidence.RuleId));
        Assert.Equal(span, text.Substring(evidence.Start, evidence.Length));
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
    }

    [Theory]
    [InlineData("I can't believe how long it took before the app let me log in.")] // too many words between
    [InlineData("I can't stand it, log in fails every time.")]                      // a comma ends the clause
    [InlineData("I cannot. Withdraw buttons are everywhere.")]                       // so does a full stop
    [InlineData("Log in? I can't.")]                                                 // the wrong order in English
    [InlineData("无法理解为什么我昨天还能正常登录")]                                  // too many characters between
    [InlineData("无法联系客服，登录也很慢")]                                          // a full-width comma ends the clause
    [InlineData("Swipe the card.")]                                                  // one side alone
    public void Phrases_too_far_apart_or_in_another_clause_are_no_pattern_hit(string text) =>
        Assert.DoesNotContain(Analyze(text, Near).RootCauses, c => c.Cause == RootCause.Expectation);

    [Fact]
    public void A_pattern_restricted_to_chinese_does_not_apply_to_english()
    {
        // service_action then inability is a Chinese word order ("刷不了"); in English the pattern is off.
        Assert.DoesNotContain(Analyze("Withdraw no longer works here.", Near).RootCauses, c => c.Cause == RootCause.Expectation);
        Assert.Contains(Analyze("提现不了", Near).RootCauses, c => c.Cause == RootCause.Expectation);
    }

    [Theory]
    [InlineData("My refund has still not arrived.", "still not arrived")]
    [InlineData("Has it come through yet?", "come through yet")]
    [InlineData("退款至今没有到账", "至今没有到账")]
    [InlineData("到账了吗？还没", null)]
    public void Order_any_accepts_both_orders_and_a_cue_inside_the_span_is_no_cue(string text, string? span)
    {
        var facts = Extract(text);

        if (span is null)
        {
            Assert.Equal(0, facts.Count("stuck_refund"));
            return;
        }

        Assert.Equal(1, facts.Count("stuck_refund"));
        Assert.Equal(0, facts.Negated("stuck_refund"));
        Assert.Equal(1, facts.Count("arrival")); // "not" / "没有" lies inside the pattern's span: it negates nothing
        Assert.Equal(span, Assert.Single(Analyze(text, Near).RootCauses).Evidence.Single().Text);
    }

    [Theory]
    [InlineData("It is not that I can't log in, the app is just slow.")]
    [InlineData("我不是说无法登录")]
    public void A_negation_cue_before_the_span_negates_the_whole_hit(string text)
    {
        var facts = Extract(text);

        Assert.Equal(0, facts.Count("failed_action"));
        Assert.Equal(1, facts.Negated("failed_action"));
        Assert.Empty(Analyze(text, Near).RootCauses);
    }

    [Theory]
    [InlineData("I ordered a size 10, you sent a size 6.", 1, 0)]     // a comma: only the sentence scope reaches
    [InlineData("订的是双床房，到了给我安排大床房", 1, 0)]              // a full-width comma, the same
    [InlineData("I ordered a size 10 and got a size 6.", 1, 1)]      // one clause: both scopes
    [InlineData("I ordered a size 10. Then I got an email.", 0, 0)] // a full stop ends the sentence
    [InlineData("我订的是双床房。给我打电话的是前台", 0, 0)]            // so does 。
    public void Scope_sentence_reaches_across_a_comma_but_not_a_full_stop(string text, int sentence, int clause)
    {
        var facts = Extract(text);
        Assert.Equal((sentence, clause), (facts.Count("mismatch"), facts.Count("mismatch_in_clause")));
    }

    [Theory]
    [InlineData("I ordered a size 10. Then I got an email.", 1)]              // a full stop: the text scope reaches
    [InlineData("我订的是双床房。给我打电话的是前台", 1)]                     // so across 。
    [InlineData("I ordered a size 10! They sent a 6: wrong.", 1)]            // exclamations and colons too
    [InlineData("I ordered a size 10. Weeks went by and then one day they finally sent it.", 0)] // but not past the word limit
    public void Scope_text_reaches_across_sentences_within_the_word_limit(string text, int expected) =>
        Assert.Equal(expected, Extract(text).Count("mismatch_in_text"));

    [Fact]
    public void A_pattern_can_build_on_another_pattern_and_its_phrases_count_too()
    {
        var facts = Extract("I can't log in again. 又无法登录了，每天都老是失败。");

        Assert.Equal(2, facts.Count("failed_action"));
        Assert.Equal(3, facts.Count("repeated_failure")); // two pattern hits and the phrase "老是失败"
        var venting = Assert.Single(Analyze("It won't let me log in again!", Near).RootCauses, c => c.Cause == RootCause.Venting);
        Assert.Equal("won't let me log in again", venting.Evidence.Single().Text);
    }

    [Fact]
    public void Not_negatable_applies_to_the_whole_pattern_hit()
    {
        // repeated_failure is "negatable": false, so the cue before it does not negate it.
        var facts = Extract("It is not true that I can't log in again.");

        Assert.Equal(1, facts.Count("repeated_failure"));
        Assert.Equal(1, facts.Negated("failed_action"));
    }

    [Fact]
    public void A_pattern_in_the_customer_demand_counts_as_a_demand()
    {
        var facts = Extract(new Complaint { Id = "d", Text = "Please help.", CustomerDemand = "I am unable to log in, please fix it" });

        Assert.Equal(0, facts.Count("failed_action"));
        Assert.Equal(1, facts.DemandCount("failed_action"));
    }

    [Fact]
    public void Explain_lists_the_pattern_hits_with_their_spans()
    {
        const string text = "I can't log in. It is not that I won't withdraw.";

        var explanation = new ComplaintAnalyzer(Near).Explain(new Complaint { Id = "x", Text = text });

        Assert.Equal(
            [("failed_action", "can't log in", 2, 12, "text", false), ("failed_action", "won't withdraw", 33, 14, "text", true)],
            explanation.PatternMatches.Select(m => (m.Lexicon, m.Text, m.Start, m.Length, m.Field, m.Negated)));
        var rendered = ComplaintRules.Cli.Commands.ExplainCommand.Render(new Complaint { Id = "x", Text = text }, explanation, color: false, allRules: false);
        Assert.Contains("failed_action: \"can't log in\"", rendered, StringComparison.Ordinal);
        Assert.Contains("failed_action: \"won't withdraw\" (negated)", rendered, StringComparison.Ordinal);
        Assert.Contains("[[can't log in]]", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_errors_name_the_file_line_column_and_lexicon()
    {
        var diagnostics = Validate("Invalid/near-errors.rules.json");

        string[] expected =
        [
            "5:40 lexicon 'misspelt': unknown lexicon 'inabilty' in a near pattern; did you mean 'inability'?",
            "6:59 lexicon 'marker': unknown lexicon 'question_run' in a near pattern; 'question_run' is a built-in marker, and near patterns combine lexicons",
            "8:57 lexicon 'pong': near patterns form a cycle (ping → pong → ping); a pattern cannot build on itself",
            "9:51 lexicon 'itself': near patterns form a cycle (itself → itself); a pattern cannot build on itself",
            "10:83 lexicon 'bad_values': \"within\" must be a whole number from 0 to 50 (words between, or characters in Chinese), not 99",
            "10:99 lexicon 'bad_values': language 'fr' is not one of: zh, en",
            "10:114 lexicon 'bad_values': order 'reverse' is not one of: ordered, any",
            "10:134 lexicon 'bad_values': scope 'paragraph' is not one of: clause, sentence, text",
            "11:28 lexicon 'missing': a near pattern needs \"first\", the name of a lexicon",
            "11:28 lexicon 'missing': \"within\" must be a whole number from 0 to 50 (words between, or characters in Chinese), not missing",
        ];
        Assert.Equal(expected, diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Message}"));
        Assert.All(diagnostics, d => Assert.EndsWith("near-errors.rules.json", d.File, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_member_of_a_pattern_is_reported_with_a_suggestion()
    {
        var diagnostic = Assert.Single(Validate("Invalid/near-unknown-member.rules.json")); // the missing "within" is the same mistake

        Assert.Equal("unknown member 'withn'; did you mean 'within'?", diagnostic.Message);
        Assert.Equal((5, 69), (diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("""{ "lexicons": { "a": { "en": ["x"] }, "b": { "near": [ { "first": "a", "then": "a", "within": 51 } ] } } }""")]
    [InlineData("""{ "lexicons": { "a": { "en": ["x"] }, "b": { "near": [ { "first": "a", "then": "a" } ] } } }""")]
    [InlineData("""{ "lexicons": { "a": { "en": ["x"] }, "b": { "near": [ { "first": "a", "then": "a", "within": 2, "order": "reverse" } ] } } }""")]
    [InlineData("""{ "lexicons": { "a": { "en": ["x"] }, "b": { "near": [ { "first": "a", "then": "a", "within": 2, "distance": 2 } ] } } }""")]
    public async Task The_schema_rejects_what_the_loader_rejects_in_a_pattern(string json)
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Schema.RepositoryFiles.PathOf("schema/complaint-rules.schema.json")));

        Assert.NotEmpty(schema.Validate(json));
        Assert.NotEmpty(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));
    }

    [Fact]
    public void A_later_layer_adds_patterns_to_a_lexicon_and_may_name_lexicons_of_any_layer()
    {
        var rules = ComplaintRuleSet.Load(
            RuleSetSource.FromFile(PathOf("near.rules.json")),
            RuleSetSource.FromJson("""
                { "lexicons": {
                    "card_words": { "en": ["card"] },
                    "failed_action": { "near": [ { "first": "card_words", "then": "inability", "within": 1 } ] } } }
                """));

        Assert.Equal(2, new ComplaintAnalyzer(rules).Explain(new Complaint { Id = "l", Text = "My card won't work and I cannot log in" }).PatternMatches.Count);
    }

    [Fact]
    public void Patterns_add_almost_no_memory_per_complaint()
    {
        // The same assessment either way: the phrase list names the very span the pattern finds.
        const string lexicons = """
            "inability": { "en": ["can't", "cannot", "unable to"] },
            "service_action": { "en": ["log in", "withdraw", "transfer*"] },
            "demand": { "en": ["refund*", "compensat*"] }
            """;
        const string rules = """
            "rules": { "causes": [
              { "id": "a.failed", "when": "Has(\"failed_action\")", "cause": "expectation", "weight": 0.6 },
              { "id": "a.demand", "when": "Has(\"demand\")", "cause": "rights_claim", "weight": 0.6 } ] }
            """;
        var withPatterns = ComplaintRuleSet.Load(RuleSetSource.FromJson(
            $$"""{ "lexicons": { {{lexicons}}, "failed_action": { "near": [ { "first": "inability", "then": "service_action", "within": 3 } ] } }, {{rules}} }"""));
        var withPhrases = ComplaintRuleSet.Load(RuleSetSource.FromJson(
            $$"""{ "lexicons": { {{lexicons}}, "failed_action": { "en": ["cannot make a transfer"] } }, {{rules}} }"""));
        var complaint = new Complaint
        {
            Id = "m",
            Text = "For three days I cannot make a transfer from my account, and the branch keeps telling me to wait. " +
                "I have paid my fees every month and now I want a refund of this month's fee and some compensation for the trouble.",
        };

        var withPatternsBytes = Allocated(new ComplaintAnalyzer(withPatterns), complaint);
        var withPhrasesBytes = Allocated(new ComplaintAnalyzer(withPhrases), complaint);

        Assert.Equal(
            ComplaintJson.Serialize(new ComplaintAnalyzer(withPhrases).Analyze(complaint)),
            ComplaintJson.Serialize(new ComplaintAnalyzer(withPatterns).Analyze(complaint)));
        Assert.True(withPatternsBytes <= withPhrasesBytes + 128, $"{withPatternsBytes} bytes with the pattern, {withPhrasesBytes} with the phrase");
    }

    private static long Allocated(ComplaintAnalyzer analyzer, Complaint complaint)
    {
        analyzer.Analyze(complaint); // warm the pools and the JIT
        analyzer.Analyze(complaint);
        var before = GC.GetAllocatedBytesForCurrentThread();
        analyzer.Analyze(complaint);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static ComplaintFacts Extract(string text) => Extract(new Complaint { Id = "f", Text = text });

    private static ComplaintFacts Extract(Complaint complaint)
    {
        using var hits = new SignalHitList(16, 4096);
        return Near.Extractor.Extract(complaint, complaint.Text, FeatureExtractor.DetectLanguage(complaint.Text), hits);
    }
}
