using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Authority;

/// <summary>Who may grant a remedy: the role from the remedy's minimum, the severity and the caps of the complaint's currency.</summary>
public sealed class AuthorityLimitsTests
{
    private static readonly Lazy<ComplaintRuleSet> s_rules = new(() => Load("authority.rules.json"));

    private static ComplaintRuleSet Rules => s_rules.Value;

    private static ComplaintAssessment Assess(decimal? amount, string? currency, string? handler = null, string language = "en", string? level = null) =>
        Analyze(new Complaint
        {
            Id = "a",
            Text = language == "zh" ? "我要退款" : "I want my money back",
            Language = language,
            Amount = amount,
            Currency = currency,
            HandlerRole = handler,
            Attributes = level is null ? null : new Dictionary<string, string> { ["level"] = level },
        }, Rules);

    private static string RoleOf(ComplaintAssessment assessment, string remedy) =>
        assessment.Remedies.Single(r => r.Remedy == remedy).GrantedBy!;

    [Theory]
    [InlineData("0.01", "CNY", "agent")]
    [InlineData("200", "CNY", "agent")]
    [InlineData("200.01", "CNY", "supervisor")]
    [InlineData("5000", "CNY", "supervisor")]
    [InlineData("5000.01", "CNY", "team")]
    [InlineData("50000", "CNY", "team")]
    [InlineData("30", "USD", "agent")]
    [InlineData("31", "USD", "supervisor")]
    [InlineData("700", "USD", "supervisor")]
    [InlineData("701", "USD", "team")]
    [InlineData("7000", "USD", "team")]
    [InlineData("200", "usd", "supervisor")]
    [InlineData("-150", "CNY", "agent")]
    public void Caps_choose_the_lowest_role_whose_cap_in_the_currency_covers_the_amount(string amount, string currency, string role)
    {
        Assert.Equal(role, RoleOf(Assess(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency), "refund"));
    }

    [Theory]
    [InlineData("50000.01", "CNY")]
    [InlineData("1000000", "CNY")]
    [InlineData("7000.01", "USD")]
    public void An_amount_above_every_cap_goes_to_the_top_role(string amount, string currency)
    {
        Assert.Equal("compliance", RoleOf(Assess(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency), "refund"));
        Assert.Equal("compliance", Rules.Authority!.TopRole);
    }

    [Theory]
    [InlineData("JPY")]
    [InlineData(null)]
    public void An_amount_in_a_currency_without_caps_goes_to_the_top_role(string? currency)
    {
        Assert.Equal("compliance", RoleOf(Assess(10, currency), "refund"));
    }

    [Fact]
    public void Without_an_amount_the_caps_do_not_apply()
    {
        var assessment = Assess(null, null);

        Assert.Equal("agent", RoleOf(assessment, "refund"));
        Assert.Equal("supervisor", RoleOf(assessment, "compensation"));
        Assert.Equal("agent", RoleOf(assessment, "explain")); // not listed: the lowest role
    }

    [Fact]
    public void Severity_raises_the_role_from_its_level_up()
    {
        Assert.Equal("supervisor", RoleOf(Assess(null, null), "compensation"));
        Assert.Equal("team", RoleOf(Assess(null, null, level: "critical"), "compensation"));
        Assert.Equal("team", Rules.Authority!.RoleFor("compensation", Severity.Critical));
    }

    [Fact]
    public void The_propose_step_says_what_may_be_offered_now_and_what_needs_approval()
    {
        var propose = Assess(800, "CNY").Steps.Single(s => s.Step == HandlingStep.Propose);

        Assert.Equal("Propose a remedy. Offer now: Explain. Ask a supervisor first: Refund, Compensation.", propose.Guidance);
    }

    [Fact]
    public void The_propose_guidance_is_in_the_complaints_language()
    {
        var propose = Assess(800, "CNY", language: "zh").Steps.Single(s => s.Step == HandlingStep.Propose);

        Assert.Equal("提出方案。可当场提供：说明原因。须经主管批准：退款、赔偿。", propose.Guidance);
    }

    [Fact]
    public void The_handlers_role_splits_the_remedies_into_offer_now_and_needs_approval()
    {
        var byAgent = Assess(800, "CNY", handler: "agent").Authority!;
        var bySupervisor = Assess(800, "CNY", handler: "supervisor").Authority!;

        Assert.Equal("agent", byAgent.HandlerRole);
        Assert.Equal(["explain"], byAgent.OfferNow.Select(r => r.Remedy));
        Assert.Equal(["refund", "compensation"], byAgent.NeedsApproval.Select(r => r.Remedy));
        Assert.Equal(["refund", "compensation", "explain"], bySupervisor.OfferNow.Select(r => r.Remedy));
        Assert.Empty(bySupervisor.NeedsApproval);
    }

    [Fact]
    public void Split_after_the_fact_matches_the_split_at_analysis()
    {
        var assessment = Assess(6000, "CNY", handler: "supervisor");

        var split = Rules.Authority!.Split(assessment, "supervisor");

        Assert.Equal(assessment.Authority!.OfferNow, split.OfferNow);
        Assert.Equal(["refund"], split.NeedsApproval.Select(r => r.Remedy));
        Assert.Throws<ArgumentException>(() => Rules.Authority.Split(assessment, "boss"));
    }

    [Fact]
    public void An_unknown_handler_role_is_a_warning_and_the_lowest_role_is_assumed()
    {
        var assessment = Assess(100, "CNY", handler: "boss");

        Assert.Equal("agent", assessment.Authority!.HandlerRole);
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.HandlerRoleUnknown);
    }

    [Fact]
    public void A_huge_handler_role_is_cut_to_the_field_limit_before_it_reaches_a_warning()
    {
        var assessment = Assess(100, "CNY", handler: new string('x', 1_000_000));

        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == "handlerRole truncated from 1000000 to 256 characters (MaxFieldLength)");
        Assert.All(assessment.Warnings, w => Assert.True(w.Message.Length < 1_000));
    }

    [Fact]
    public void The_split_lists_are_read_only()
    {
        var authority = Assess(800, "CNY").Authority!;

        Assert.Throws<NotSupportedException>(() => ((IList<RemedyRecommendation>)authority.OfferNow).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<RemedyRecommendation>)authority.NeedsApproval).Clear());
    }

    [Fact]
    public void A_rule_set_without_an_authority_section_leaves_the_roles_empty()
    {
        var assessment = Analyze("I want a refund, you charged me twice!");

        Assert.Null(Basic.Authority);
        Assert.Null(assessment.Authority);
        Assert.All(assessment.Remedies, r => Assert.Null(r.GrantedBy));
    }

    [Fact]
    public void Layering_a_rule_file_changes_the_roles_and_the_caps()
    {
        var layered = Load("authority.rules.json", "authority-layer.rules.json");
        var analyzer = new ComplaintAnalyzer(layered);
        ComplaintAssessment At(decimal amount) => analyzer.Analyze(new Complaint { Id = "l", Text = "refund", Language = "en", Amount = amount, Currency = "CNY" });

        Assert.Equal(["trainee", "agent", "supervisor", "team", "compliance"], layered.Authority!.Roles);
        Assert.Equal("trainee", At(100).Authority!.HandlerRole);
        Assert.Equal("trainee", RoleOf(At(100), "explain"));
        Assert.Equal("agent", RoleOf(At(500), "refund"));
        Assert.Equal("supervisor", RoleOf(At(8000), "refund"));
        Assert.Equal("team", RoleOf(At(20000), "refund")); // above both caps: the lowest uncapped role above them
        Assert.Equal("supervisor", RoleOf(At(20000), "compensation")); // the first layer's entry stays
    }

    [Fact]
    public void Replace_starts_the_authority_section_afresh()
    {
        var own = ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson("""
            { "authority": { "replace": true,
                "roles": [ { "id": "clerk" }, { "id": "manager" } ],
                "remedies": { "refund": { "grantedBy": "clerk", "caps": { "CNY": { "clerk": 300 } } } } } }
            """));

        Assert.Equal(["clerk", "manager"], own.Authority!.Roles);
        Assert.Equal("clerk", own.Authority.RoleFor("refund", Severity.Standard, 300, "CNY"));
        Assert.Equal("manager", own.Authority.RoleFor("refund", Severity.Standard, 301, "CNY"));
        Assert.Equal("clerk", own.Authority.RoleFor("public_apology", Severity.Critical)); // not listed any more
    }

    [Fact]
    public void The_default_rule_set_has_example_bank_roles_and_caps()
    {
        var authority = ComplaintRuleSet.Default.Authority!;

        Assert.Equal(["agent", "supervisor", "complaints_team", "compliance"], authority.Roles);
        Assert.Equal("agent", authority.RoleFor("refund", Severity.Standard, 200, "CNY"));
        Assert.Equal("supervisor", authority.RoleFor("refund", Severity.Standard, 800, "CNY"));
        Assert.Equal("complaints_team", authority.RoleFor("refund", Severity.Standard, 20_000, "CNY"));
        Assert.Equal("compliance", authority.RoleFor("refund", Severity.Standard, 80_000, "CNY"));
        Assert.Equal("complaints_team", authority.RoleFor("refund", Severity.Critical, 10, "CNY"));
        Assert.Equal("compliance", authority.RoleFor("public_apology", Severity.Minor));
    }
}
