namespace ComplaintRules.Tests.DefaultRules;

/// <summary>Safety makes a complaint critical, so its phrases must mean harm, not everyday idiom.</summary>
public class SafetySeverityTests
{
    private static readonly ComplaintAnalyzer s_analyzer = new();

    [Theory]
    [InlineData("I am sick of your fees. Fire the agent who was rude to me.")]
    [InlineData("I keep my papers in a safety deposit box and you lost the key.")]
    [InlineData("酒店房间很脏，床单上有头发，前台态度冷淡。")]
    [InlineData("The recall notice you sent had the wrong account number.")]
    public void Everyday_words_do_not_make_a_complaint_critical(string text) =>
        Assert.NotEqual(Severity.Critical, s_analyzer.Analyze(new Complaint { Id = "s", Text = text }).Severity);

    [Theory]
    [InlineData("The heater caught fire and my son was injured.")]
    [InlineData("The chicken you delivered gave us food poisoning and my wife ended up in the hospital.")]
    [InlineData("外卖吃完上吐下泻，进了医院！")]
    [InlineData("热水器漏电，我被电了一下，差点触电。")]
    public void Harm_to_a_person_is_critical(string text) =>
        Assert.Equal(Severity.Critical, s_analyzer.Analyze(new Complaint { Id = "s", Text = text }).Severity);
}
