using System.Text.Json.Serialization;

namespace ComplaintRules;

// The fixed vocabulary of the output. Each enum member serialises in snake_case ("rights_claim"),
// the names other tools read; rule files use the same spelling.

/// <summary>Why the customer complains (the three root causes of complaint psychology).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RootCause>))]
public enum RootCause
{
    /// <summary>Not a complaint, or no cause could be established.</summary>
    [JsonStringEnumMemberName("none")]
    None,
    /// <summary>Unmet expectation (期望值过高): what was promised, advertised or assumed was not delivered.</summary>
    [JsonStringEnumMemberName("expectation")]
    Expectation,
    /// <summary>Rights claim (自我维权): the customer asserts an infringed right and demands redress.</summary>
    [JsonStringEnumMemberName("rights_claim")]
    RightsClaim,
    /// <summary>Emotional venting (情绪宣泄): the text is mainly an outlet for anger or frustration.</summary>
    [JsonStringEnumMemberName("venting")]
    Venting,
}

/// <summary>What kind of conflict the complaint is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConflictType>))]
public enum ConflictType
{
    /// <summary>Slow, poor, failed or unfriendly service; errors in execution (服务质量).</summary>
    [JsonStringEnumMemberName("service_quality")]
    ServiceQuality,
    /// <summary>Price level, fees, charges, interest, price changes, unequal prices (价格).</summary>
    [JsonStringEnumMemberName("price")]
    Price,
    /// <summary>Misleading or missing information, marketing, wording, jargon (沟通).</summary>
    [JsonStringEnumMemberName("communication")]
    Communication,
    /// <summary>Terms, contract clauses, limits, rule changes, eligibility (政策).</summary>
    [JsonStringEnumMemberName("policy")]
    Policy,
    /// <summary>Debt-collection conduct (催收).</summary>
    [JsonStringEnumMemberName("collections")]
    Collections,
    /// <summary>Anything else.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>Business severity, separate from emotional intensity.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Minor inconvenience, calm.</summary>
    [JsonStringEnumMemberName("minor")]
    Minor = 1,
    /// <summary>Clear dissatisfaction.</summary>
    [JsonStringEnumMemberName("standard")]
    Standard = 2,
    /// <summary>Money lost, repeated failure, accusation of wrongdoing, or a threat to escalate.</summary>
    [JsonStringEnumMemberName("serious")]
    Serious = 3,
    /// <summary>Regulator, legal or media action with large harm; fraud, identity theft, data leak, safety, or a vulnerable customer harmed.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical = 4,
}

/// <summary>The seven steps of complaint handling.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandlingStep>))]
public enum HandlingStep
{
    /// <summary>Empathic listening (同理倾听).</summary>
    [JsonStringEnumMemberName("listen")]
    Listen,
    /// <summary>Emotion soothing (情绪安抚).</summary>
    [JsonStringEnumMemberName("soothe")]
    Soothe,
    /// <summary>Reasonable apology (合理道歉).</summary>
    [JsonStringEnumMemberName("apologize")]
    Apologize,
    /// <summary>Information gathering (收集信息).</summary>
    [JsonStringEnumMemberName("gather_info")]
    GatherInfo,
    /// <summary>Proposing a solution (提出建议).</summary>
    [JsonStringEnumMemberName("propose")]
    Propose,
    /// <summary>Reaching agreement (达成共识).</summary>
    [JsonStringEnumMemberName("agree")]
    Agree,
    /// <summary>Follow-up (回馈跟踪).</summary>
    [JsonStringEnumMemberName("follow_up")]
    FollowUp,
}

/// <summary>What kind of outcome a remedy gives the customer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutcomeClass>))]
public enum OutcomeClass
{
    /// <summary>An explanation: cause, policy, written decision.</summary>
    [JsonStringEnumMemberName("explanation")]
    Explanation,
    /// <summary>Non-monetary relief: correct an error, restore service, stop contact, replace goods.</summary>
    [JsonStringEnumMemberName("non_monetary")]
    NonMonetary,
    /// <summary>Money: refund, fee reversal, compensation, goodwill credit.</summary>
    [JsonStringEnumMemberName("monetary")]
    Monetary,
    /// <summary>The relationship: apology, personal follow-up.</summary>
    [JsonStringEnumMemberName("relational")]
    Relational,
    /// <summary>Internal action: escalation, training, process fix.</summary>
    [JsonStringEnumMemberName("internal")]
    Internal,
}
