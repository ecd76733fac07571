using OpenQA.Selenium;

namespace ComplaintRules.Workbench.Tests;

/// <summary>
/// The workbench in headless chromium, as a rule author uses it: paste complaints, edit a rule, run the cases, score.
/// Each test leaves a screenshot of its tab in artifacts/screenshots.
/// </summary>
public sealed class WorkbenchPageTests(BrowserFixture page) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public void Analyse_highlights_the_evidence_of_a_Chinese_and_an_English_complaint()
    {
        page.Open();
        foreach (var language in new[] { "en", "zh" })
        {
            var text = TestFiles.Complaint(language);
            page.Find("#text").Clear();
            page.Find("#text").SendKeys(text);
            // The Chinese one under China's regime, so its deadlines are shown too.
            page.Script("document.querySelector('#regime').value = arguments[0];", language == "zh" ? "CN-NFRA" : "");
            page.Find("#analyse").Click();
            page.Until(() => page.FindAll("#highlighted mark").Count > 0 && page.Find("#highlighted").Text == text, $"the {language} complaint highlighted");

            var marks = page.FindAll("#highlighted mark");
            Assert.All(marks, m => Assert.Contains(m.Text, text, StringComparison.Ordinal));
            Assert.Contains(marks, m => m.GetAttribute("title")!.Contains("signal fees", StringComparison.Ordinal)
                && m.GetAttribute("title")!.Contains("rule ", StringComparison.Ordinal));
            // The test layer's remedy, and a cause drawn in its colour.
            Assert.Contains("overdraft_fee_refund", page.Find("#analysis").Text, StringComparison.Ordinal);
            Assert.Contains(marks, m => m.GetAttribute("class") is "rights_claim" or "expectation" or "venting");
        }

        Assert.Contains("CN-NFRA", page.Find("#analysis").Text, StringComparison.Ordinal);
        page.Screenshot("analyse");

        page.Find("#tab-why").Click();
        page.Find("#why-filter").SendKeys("overdraft");
        page.Until(() => page.Find("#why").Text.Contains("test.remedy.overdraft_fee", StringComparison.Ordinal), "the Why tab to list the test rule");
        var row = page.FindAll("#why tr").First(r => r.Text.Contains("test.remedy.overdraft_fee", StringComparison.Ordinal));
        Assert.Contains("fired", row.Text, StringComparison.Ordinal);
        Assert.Contains("Count(\"overdraft\")=", row.Text, StringComparison.Ordinal);
        page.Find("#why-filter").Clear();
        page.Find("#why-filter").SendKeys("cause.");
        page.Until(() => page.FindAll("#why tr.not-fired").Count > 0, "rules that did not fire");
        page.Screenshot("why");

        // A default cause left out beside venting is named under the causes, so its rules in Why are no puzzle.
        page.Find("#tab-analyse").Click();
        page.Find("#text").Clear();
        page.Find("#text").SendKeys("这价格也太贵了吧，黑心商家，恶心！！！");
        page.Find("#analyse").Click();
        page.Until(() => page.FindAll("#analysis .set-aside").Count == 1, "the set-aside expectation");
        Assert.StartsWith("expectation 0.50: not listed", page.Find("#analysis .set-aside").Text, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void Edit_shows_a_rule_error_at_its_line_and_Apply_changes_the_assessment()
    {
        page.Open();
        page.Paste("#text", TestFiles.Complaint("en"));
        page.Find("#analyse").Click();
        page.Until(() => page.Find("#analysis").Text.Contains("Disputed overdraft fee: refund it first", StringComparison.Ordinal), "the test rule's remedy reason");

        page.Find("#tab-edit").Click();
        var original = (string)page.Script("return document.querySelector('#source').value;")!;
        var broken = original.Replace("Has(\\\"overdraft\\\")", "Hass(\\\"overdraft\\\")", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        var line = LineOf(broken, "Hass(");
        page.Paste("#source", broken);
        page.Until(() => page.FindAll("#diagnostics li.error").Any(d => d.GetAttribute("data-line") == line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            $"an error at line {line}");
        Assert.Contains("Hass", page.Find("#diagnostics li.error").Text, StringComparison.Ordinal);
        Assert.Equal("error", page.Find($"#gutter [data-line='{line}']").GetAttribute("class"));
        page.Screenshot("edit");

        // The diagnostic is one click from its line: the caret lands on it.
        page.Find("#diagnostics li.error button").Click();
        var caret = Convert.ToInt32(page.Script("return document.querySelector('#source').selectionStart;"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(line, broken[..caret].Count(c => c == '\n') + 1);

        // Apply is refused while the file has errors; fixed and changed, it re-runs the analysis.
        page.Find("#apply").Click();
        page.Until(() => page.Find("#edit-state").Text.StartsWith("Not applied", StringComparison.Ordinal), "Apply to be refused");
        var changed = original.Replace("refund it first", "we refund it today", StringComparison.Ordinal);
        page.Paste("#source", changed);
        page.Until(() => page.Find("#diagnostics").Text.Contains("No problems", StringComparison.Ordinal), "the diagnostics to clear");
        page.Find("#apply").Click();
        page.Until(() => page.Find("#edit-state").Text.StartsWith("Applied", StringComparison.Ordinal), "Apply");
        page.Find("#tab-analyse").Click();
        page.Until(() => page.Find("#analysis").Text.Contains("Disputed overdraft fee: we refund it today", StringComparison.Ordinal), "the new remedy reason in Analyse");

        page.Find("#tab-edit").Click();
        page.Find("#save").Click();
        page.Until(() => File.ReadAllText(page.RuleFile).Contains("we refund it today", StringComparison.Ordinal), "the rule file to be saved");

        // Leave the workbench as the other tests expect it.
        page.Paste("#source", original);
        page.Find("#apply").Click();
        page.Until(() => page.Find("#edit-state").Text.StartsWith("Applied", StringComparison.Ordinal), "the original rules applied again");
    }

    [BrowserFact]
    public void Edit_completes_member_names_from_the_schema()
    {
        page.Open();
        page.Find("#tab-edit").Click();
        var text = (string)page.Script("return document.querySelector('#source').value;")!;
        var caret = text.IndexOf("\"rules\": {", StringComparison.Ordinal) + "\"rules\": {".Length;
        page.Script("const e = document.querySelector('#source'); e.focus(); e.setSelectionRange(arguments[0], arguments[0]);", caret);

        page.Find("#source").SendKeys(Keys.Control + " " + Keys.Control);
        page.Until(() => page.Find("#completions").Displayed, "the completion list");
        var names = page.FindAll("#completions li strong").Select(n => n.Text).ToList();
        Assert.Contains("causes", names);
        Assert.DoesNotContain("remedies", names); // already in the object

        page.Find("#source").SendKeys(Keys.Enter);
        page.Until(() => ((string)page.Script("return document.querySelector('#source').value;")!).Contains("\"rules\": {\"" + names[0] + "\": ", StringComparison.Ordinal), "the name inserted");
        Assert.False(page.Find("#completions").Displayed);
    }

    [BrowserFact]
    public void Test_runs_the_cases_and_opens_a_failure_in_Analyse_with_what_it_expected()
    {
        page.Open();
        page.Find("#tab-test").Click();
        page.Find("#run-tests").Click();
        page.Until(() => page.Find("#test-summary").Text.Contains("passed", StringComparison.Ordinal), "the cases to run");

        Assert.True(page.FindAll("#tests li[data-status='pass']").Count > 30);
        var failure = Assert.Single(page.FindAll("#tests li[data-status='fail']"));
        Assert.Contains("deliberately failing", failure.Text, StringComparison.Ordinal);
        page.Screenshot("test");

        failure.FindElement(By.CssSelector(".open-case")).Click();
        page.Until(() => page.FindAll("#expected").Count == 1 && page.FindAll("#highlighted").Count == 1, "the failing case in Analyse");
        Assert.True(page.Find("#panel-analyse").Displayed);
        Assert.Contains("primaryCause: venting", page.Find("#expected").Text, StringComparison.Ordinal);
        Assert.Contains("Actual:", page.Find("#expected").Text, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void Score_draws_heat_maps_and_bars_and_shows_the_change_since_the_last_run()
    {
        page.Open();
        page.Find("#tab-score").Click();
        page.Find("#run-score").Click();
        page.Until(() => page.FindAll(".heat td").Count > 0, "a confusion heat map");
        Assert.NotEmpty(page.FindAll(".pr .bar > div"));
        Assert.NotEmpty(page.FindAll("#misses li"));

        // After an edit (a default cause rule disabled), the next run is compared with the one before it.
        page.Find("#tab-edit").Click();
        var original = (string)page.Script("return document.querySelector('#source').value;")!;
        var lastBrace = original.LastIndexOf('}');
        page.Paste("#source", original[..lastBrace].TrimEnd() + ",\n  \"disable\": [\"cause.rights.refund_demand\"]\n}\n");
        page.Find("#apply").Click();
        page.Until(() => page.Find("#edit-state").Text.StartsWith("Applied", StringComparison.Ordinal), "the edit applied");
        page.Find("#tab-score").Click();
        page.Find("#run-score").Click();
        page.Until(() => page.Find("#score-summary").Text.Contains("compared with the last run", StringComparison.Ordinal), "the comparison");
        Assert.DoesNotContain(page.FindAll("#score-metrics tbody tr"), r => r.FindElements(By.TagName("td"))[2].Text == "–");
        Assert.NotEmpty(page.FindAll("#score-metrics .delta-down"));
        page.Screenshot("score");

        page.Find("#misses .open-miss").Click();
        page.Until(() => page.FindAll("#expected").Count == 1 && page.FindAll("#highlighted").Count == 1, "the miss in Analyse");
        Assert.Contains("expected", page.Find("#expected").Text, StringComparison.Ordinal);

        page.Find("#tab-edit").Click();
        page.Paste("#source", original);
        page.Find("#apply").Click();
        page.Until(() => page.Find("#edit-state").Text.StartsWith("Applied", StringComparison.Ordinal), "the original rules applied again");
    }

    [BrowserFact]
    public void Every_control_has_a_label_the_tabs_work_from_the_keyboard_and_each_tab_fits_1280_by_800()
    {
        page.Open();
        var unlabelled = (IReadOnlyCollection<object>)page.Script(
            "return [...document.querySelectorAll('input, select, textarea, button')].filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.textContent.trim()).map(e => e.id || e.outerHTML);")!;
        Assert.Empty(unlabelled);
        Assert.Equal("UTF-8", page.Script("return document.characterSet;"));

        page.Find("#tab-analyse").SendKeys(Keys.ArrowRight);
        Assert.Equal("true", page.Find("#tab-why").GetAttribute("aria-selected"));
        Assert.Equal("tab-why", page.Script("return document.activeElement.id;"));
        page.Find("#tab-why").SendKeys(Keys.End);
        Assert.True(page.Find("#panel-score").Displayed);

        foreach (var tab in new[] { "analyse", "why", "edit", "test", "score" })
        {
            page.Find("#tab-" + tab).Click();
            Assert.Equal(true, page.Script("return document.documentElement.scrollWidth <= window.innerWidth && document.documentElement.scrollHeight <= window.innerHeight;"));
        }
    }

    private static int LineOf(string text, string part) => text[..text.IndexOf(part, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
