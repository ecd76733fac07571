using ComplaintRules.Features;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Features;

/// <summary>What the feature stage finds in a text, seen through the evidence of the assessment and the facts rules read.</summary>
public class FeatureExtractorTests
{
    [Theory]
    [InlineData("They PROMISED me a card by Friday.", "PROMISED", 5)]
    [InlineData("I  was\n\ttold the fee was waived.", "I  was\n\ttold", 0)]
    [InlineData("Well,\u3000I WAS   TOLD otherwise.", "I WAS   TOLD", 6)]
    [InlineData("客服說好的今天处理。", "說好的", 2)]
    [InlineData("客服说好的今天处理。", "说好的", 2)]
    [InlineData("他們承諾過", "承諾", 2)]
    public void Evidence_points_at_the_phrase_as_the_customer_wrote_it(string text, string expected, int start)
    {
        var result = Analyze(text);

        var evidence = Assert.Single(Assert.Single(result.RootCauses, c => c.Cause == RootCause.Expectation).Evidence);
        Assert.Equal(expected, evidence.Text);
        Assert.Equal(start, evidence.Start);
        Assert.Equal(expected.Length, evidence.Length);
        Assert.Equal(expected, text.Substring(evidence.Start, evidence.Length));
        Assert.Equal(("c.expect", "promise", "text"), (evidence.RuleId, evidence.Signal, evidence.Field));
    }

    [Fact]
    public void Full_width_letters_match_a_half_width_phrase_and_evidence_keeps_the_full_width_text()
    {
        const string text = "Please ＲＥＦＵＮＤ me today.";

        var evidence = Assert.Single(Assert.Single(Analyze(text).RootCauses).Evidence);

        Assert.Equal("ＲＥＦＵＮＤ", evidence.Text);
        Assert.Equal(7, evidence.Start);
        Assert.Equal(6, evidence.Length);
    }

    [Fact]
    public void Full_width_exclamation_marks_count_as_exclamation_marks()
    {
        var result = Analyze("我很生气！！！");

        Assert.Equal(4, result.Intensity); // anger 2 + three marks 2
        Assert.Contains(result.RootCauses.Single().Evidence, e => e.Signal == "exclamation_run" && e.Text == "！！！");
    }

    [Fact]
    public void Every_occurrence_of_a_phrase_is_evidence()
    {
        const string text = "Refund. I said refund. REFUNDS now.";

        var evidence = Assert.Single(Analyze(text).RootCauses).Evidence;

        Assert.Equal(["Refund", "refund", "REFUND"], evidence.Select(e => e.Text)); // "refund*" matched "REFUND" of "REFUNDS"
        Assert.All(evidence, e => Assert.Equal(e.Text, text.Substring(e.Start, e.Length)));
    }

    [Theory]
    [InlineData("The coffee was cold.")]        // "fee*" needs a word boundary at its start
    [InlineData("Unrefundable, they said.")]    // so does "refund*"
    public void A_phrase_does_not_match_inside_a_longer_word(string text)
    {
        var result = Analyze(text);

        Assert.Empty(result.RootCauses);
        Assert.Empty(result.ConflictTypes);
    }

    [Theory]
    [InlineData("I am not asking for a refund, only an explanation.")]
    [InlineData("I am NOT asking for a refund.")]
    [InlineData("This is not a refund request.")]
    [InlineData("我不是要退款，只想知道原因。")]
    [InlineData("不是要退款")]
    public void A_negated_demand_is_not_a_rights_claim(string text) => Assert.Empty(Analyze(text).RootCauses);

    [Theory]
    [InlineData("我没有生气，只是想问一下。")]
    [InlineData("没有生气")]
    [InlineData("I am not angry, just confused.")]
    public void Negated_anger_is_not_venting(string text)
    {
        var result = Analyze(text);

        Assert.Empty(result.RootCauses);
        Assert.Equal(0, result.Intensity);
    }

    [Fact]
    public void A_negation_cue_inside_a_longer_phrase_is_not_a_cue()
    {
        // "不满" (dissatisfied) contains the cue "不" but is itself an anger phrase.
        var result = Analyze("我对你们的服务非常不满");

        var venting = Assert.Single(result.RootCauses);
        Assert.Equal(RootCause.Venting, venting.Cause);
        Assert.Equal("不满", Assert.Single(venting.Evidence).Text);
    }

    [Theory]
    [InlineData("There was no apology.", 0, 1)]
    [InlineData("They did not apologise.", 0, 1)]
    [InlineData("They owe me an apology.", 1, 0)]
    public void A_cue_that_another_lexicon_also_lists_is_still_a_cue(string text, int counted, int negated)
    {
        // "no" and "did not" are also phrases of a building-block lexicon: the same words, not a longer phrase.
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
            {
              "name": "shared-cue",
              "lexicons": {
                "negation": { "en": ["no", "not", "did not"] },
                "waiting_cue": { "negatable": false, "en": ["no", "did not", "still"] },
                "apology_demand": { "en": ["apology", "apologise"] }
              },
              "rules": { "causes": [ { "id": "c.apology", "when": "Has(\"apology_demand\")", "cause": "rights_claim", "weight": 0.6 } ] }
            }
            """));
        using var hits = new SignalHitList(16, 4096);
        var complaint = new Complaint { Id = "f", Text = text };
        var facts = rules.Extractor.Extract(complaint, text, "en", hits);

        Assert.Equal((counted, negated), (facts.Count("apology_demand"), facts.Negated("apology_demand")));
    }

    [Theory]
    [InlineData("I did not get the card. I want a refund.")] // a sentence break ends the negation
    [InlineData("No, I want a refund.")]                    // so does a comma
    [InlineData("Not once did anyone call, and now I want my refund.")]
    public void Negation_does_not_reach_past_the_clause(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.RightsClaim);

    [Fact]
    public void A_signal_that_is_not_negatable_counts_after_a_negation_cue()
    {
        // "regulator" is declared "negatable": false.
        Assert.Contains(Analyze("If this is not fixed the regulator will hear of it.").RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.Contains(Analyze("I do not want to call a lawyer.").RootCauses, c => c.Cause == RootCause.RightsClaim);
    }

    [Fact]
    public void Negated_occurrences_are_counted_apart_and_give_no_evidence()
    {
        var facts = Extract("I am not asking for a refund. Refund the fee.");

        Assert.Equal(1, facts.Count("refund"));
        Assert.Equal(1, facts.Negated("refund"));
        Assert.Equal(1, facts.Count("fees"));

        var evidence = Assert.Single(Analyze("I am not asking for a refund. Refund the fee.").RootCauses).Evidence;
        Assert.Equal("Refund", Assert.Single(evidence).Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)] // more cues than are compared with the hits one by one: the linear way
    [InlineData(40)]
    public void Negation_counts_the_same_however_many_cues_a_text_holds(int sentences)
    {
        const string Sentence = "I am not asking for a refund. Refund the fee. ";
        var complaint = new Complaint { Id = "f", Text = string.Concat(Enumerable.Repeat(Sentence, sentences)), CustomerDemand = "not a refund, a refund" };

        var facts = Extract(complaint);

        Assert.Equal((sentences, sentences), (facts.Count("refund"), facts.Negated("refund")));
        Assert.Equal(1, facts.DemandCount("refund"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)] // 16 cues: compared with the hits one by one
    [InlineData(5)] // 20 cues: the linear way
    [InlineData(10)]
    public void A_hit_that_holds_its_own_cue_is_negated_only_by_a_cue_right_before_it(int pairs)
    {
        // "Not cheap and not working": the first "not" belongs to "cheap", so the fault counts (没钱还不上, "not mine
        // and I didn't know"); "Not not working": a cue right before a negative one denies it.
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
            {
              "name": "own-cue",
              "lexicons": {
                "negation": { "en": ["not"] },
                "failure_report": { "en": ["not working"] }
              },
              "rules": { "causes": [ { "id": "c.fault", "when": "Has(\"failure_report\")", "cause": "expectation", "weight": 0.6 } ] }
            }
            """));
        var text = string.Concat(Enumerable.Repeat("Not cheap and not working. Not not working. ", pairs));
        using var hits = new SignalHitList(16, 4096);

        var facts = rules.Extractor.Extract(new Complaint { Id = "f", Text = text }, text, "en", hits);

        Assert.Equal((pairs, pairs), (facts.Count("failure_report"), facts.Negated("failure_report")));
    }

    [Theory]
    [InlineData("They took a no-show fee.", 1, 0)]   // the hyphen makes "no-show" one word: the fee after it stands
    [InlineData("It was sold as a no-fee account.", 0, 1)] // the word joined to the cue is negated
    [InlineData("There was no fee.", 0, 1)]
    public void A_cue_joined_by_a_hyphen_negates_only_the_word_it_joins(string text, int counted, int negated)
    {
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
            {
              "name": "hyphen-cue",
              "lexicons": { "negation": { "en": ["no"] }, "fees": { "en": ["fee"] } },
              "rules": { "causes": [ { "id": "c.fee", "when": "Has(\"fees\")", "cause": "rights_claim", "weight": 0.6 } ] }
            }
            """));
        using var hits = new SignalHitList(16, 4096);

        var facts = rules.Extractor.Extract(new Complaint { Id = "f", Text = text }, text, "en", hits);

        Assert.Equal((counted, negated), (facts.Count("fees"), facts.Negated("fees")));
    }

    [Fact]
    public void Markers_count_exclamation_marks_runs_shouting_and_elongated_words()
    {
        var facts = Extract("WHY IS THIS SO HARD!!! Sooo slow?? Really! ATM");

        Assert.Equal(4, facts.Count("exclamation_mark"));
        Assert.Equal(1, facts.Count("exclamation_run"));
        Assert.Equal(1, facts.Count("question_run"));
        Assert.Equal(5, facts.Count("caps_word"));   // a lone acronym (ATM) is not shouting
        Assert.Equal(1, facts.Count("elongated_word"));
    }


    [Theory]
    [InlineData("@Air lost my bag on a nonstop. NONSTOP. how.", 1)]            // the sentence after says it again
    [InlineData("left it in a safe place. the safe place was the bin. the BIN.", 1)]
    [InlineData("raised my bill with zero notice. cool cool cool cool", 1)]     // one word three times in a row
    [InlineData("I called twice. Twice is enough for anyone to notice it.", 0)] // more than three words
    [InlineData("It was late. It was.", 0)]                                     // only function words
    [InlineData("Acct XXXX XXXX XXXX is a fraud account.", 0)]                  // redaction marks are no words
    [InlineData("被拒了。拒了。", 0)]                                             // English only
    public void An_echo_is_a_word_said_again_for_effect(string text, int echoes) =>
        Assert.Equal(echoes, Extract(text).Count("echo"));

    [Theory]
    [InlineData("Driver threw my parcel over the gate. Lovely.", 1)]           // a terse verdict after the story
    [InlineData("@Air two hours on the tarmac. Top class. https://t.co/x1", 1)] // links and handles are no words
    [InlineData("Room was fine. Staff were very helpful.", 0)]                 // four words
    [InlineData("Lovely.", 0)]                                                 // nothing said before it
    [InlineData("It broke. Again. Still broken.", 2)]
    [InlineData("坏了。好吧。", 0)]                                             // English only
    public void A_short_sentence_is_one_to_three_words_after_an_earlier_sentence(string text, int count) =>
        Assert.Equal(count, Extract(text).Count("short_sentence"));

    [Theory]
    [InlineData("@ACME_HELP you too, see you soon")]
    [InlineData("Loving the #BLACK_FRIDAY deals")]
    [InlineData("Details at HTTPS://EXAMPLE.COM/SALE_NOW today")]
    [InlineData("is there wifi on the DFW-ORD flights?")]
    [InlineData("my new USB-C/HDMI adapter")]
    public void Handles_hashtags_links_and_joined_codes_in_capitals_are_names_not_shouting(string text)
    {
        Assert.Equal(0, Extract(text).Count("caps_word"));
        Assert.Equal(3, Extract(text + " THIS IS WRONG").Count("caps_word"));   // real shouting still counts
    }

    [Theory]
    [InlineData("想问下APP的VIP会员有什么区别", 0)]       // acronyms between Chinese characters
    [InlineData("我在ATM和POS机上都刷不了", 0)]
    [InlineData("ATM POS ETC都不能用", 3)]               // side by side they still make a run
    public void Chinese_characters_break_a_run_of_capitals(string text, int capsWords) =>
        Assert.Equal(capsWords, Extract(text).Count("caps_word"));
    [Fact]
    public void Complaint_fields_absent_read_as_empty_and_zero()
    {
        var facts = Extract("Hello.");

        Assert.Equal(("", "", "", ""), (facts.Channel, facts.Product, facts.Currency, facts.Regime));
        Assert.Equal(0m, facts.Amount);
        Assert.False(facts.HasAmount);
        Assert.False(facts.HasDemand);
        Assert.Equal("", facts.Attr("anything"));
        Assert.False(facts.HasTag("vip"));
        Assert.Equal(6, facts.Length);
    }

    [Fact]
    public void Complaint_fields_are_read_by_the_facts()
    {
        var complaint = new Complaint
        {
            Id = "f", Text = "Hello.", Channel = "app", Product = "mortgage", Amount = 12.5m, Currency = "EUR", Regime = "UK-FCA",
            PriorComplaints = 3, CustomerDemand = "A refund", CustomerTags = ["Elderly"], Attributes = new Dictionary<string, string> { ["branch"] = "north" },
        };

        var facts = Extract(complaint);

        Assert.Equal(("app", "mortgage", "EUR", "UK-FCA"), (facts.Channel, facts.Product, facts.Currency, facts.Regime));
        Assert.Equal(12.5m, facts.Amount);
        Assert.True(facts.HasAmount);
        Assert.Equal(3, facts.PriorComplaints);
        Assert.True(facts.HasDemand);
        Assert.Equal(1, facts.DemandCount("refund"));
        Assert.Equal(0, facts.Count("refund"));
        Assert.True(facts.HasTag("elderly"));
        Assert.Equal("north", facts.Attr("branch"));
    }

    [Fact]
    public void An_unknown_signal_name_is_an_argument_error_naming_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => Extract("Hello.").Count("refnd"));

        Assert.Contains("refund", ex.Message, StringComparison.Ordinal);
    }

    private static ComplaintFacts Extract(string text) => Extract(new Complaint { Id = "f", Text = text });

    private static ComplaintFacts Extract(Complaint complaint)
    {
        using var hits = new SignalHitList(16, 4096);
        return Basic.Extractor.Extract(complaint, complaint.Text, FeatureExtractor.DetectLanguage(complaint.Text), hits);
    }
}
