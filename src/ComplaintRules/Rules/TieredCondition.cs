using System.Linq.Expressions;
using ComplaintRules.Features;
using FastExpressionCompiler;

namespace ComplaintRules.Rules;

/// <summary>
/// A condition that starts interpreted (<see cref="ConditionInterpreter"/>: nothing to compile at load, no JIT on the
/// first call) and is compiled once its rule set is in steady use: when any of the set's conditions has run
/// <see cref="CallsBeforeCompiling"/> times, all of them compile on a pool thread and each rule then calls its
/// compiled delegate directly. A single complaint, or a short run, never pays for compiling; a long one runs at the
/// compiled speed after its first few dozen complaints.
/// </summary>
internal sealed class TieredCondition
{
    /// <summary>Runs of one condition before its rule set compiles.</summary>
    public const int CallsBeforeCompiling = 64;

    private readonly Func<ComplaintFacts, bool> _interpreted;
    private readonly ConditionTiers _tiers;
    private Expression<Func<ComplaintFacts, bool>>? _lambda;
    private Func<ComplaintFacts, bool>? _compiled;
    private Action<Func<ComplaintFacts, bool>>? _install;
    private int _calls;

    public TieredCondition(Expression<Func<ComplaintFacts, bool>> lambda, Func<ComplaintFacts, bool> interpreted, ConditionTiers tiers)
    {
        _lambda = lambda;
        _interpreted = interpreted;
        _tiers = tiers;
        Evaluate = Invoke;
        tiers.Add(this);
    }

    /// <summary>The condition: interpreted until compiled, then the compiled delegate behind one more call.</summary>
    public Func<ComplaintFacts, bool> Evaluate { get; }

    /// <summary>The interpreter's delegate.</summary>
    internal Func<ComplaintFacts, bool> Interpreted => _interpreted;

    /// <summary>The compiled delegate, once there is one.</summary>
    public Func<ComplaintFacts, bool>? Compiled => Volatile.Read(ref _compiled);

    /// <summary>Hands the compiled delegate to its rule when it is ready (at once if it is), so the rule calls it directly.</summary>
    public void WhenCompiled(Action<Func<ComplaintFacts, bool>> install)
    {
        Volatile.Write(ref _install, install);
        if (Compiled is { } compiled)
        {
            install(compiled);
        }
    }

    private bool Invoke(ComplaintFacts facts)
    {
        if (Volatile.Read(ref _compiled) is { } compiled)
        {
            return compiled(facts);
        }

        // Not atomic: under contention a count may be lost, and the set compiles a few runs later.
        if (++_calls >= CallsBeforeCompiling)
        {
            _tiers.CompileInBackground();
        }

        return _interpreted(facts);
    }

    internal void Compile()
    {
        if (Interlocked.Exchange(ref _lambda, null) is not { } lambda)
        {
            return;
        }

        Func<ComplaintFacts, bool> compiled;
        try
        {
            compiled = lambda.CompileFast(ifFastFailedReturnNull: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return; // on a pool thread nothing may escape; the interpreter gives the same answers, and it stays
        }

        Volatile.Write(ref _compiled, compiled);
        Volatile.Read(ref _install)?.Invoke(compiled);
    }
}

/// <summary>The interpreted conditions of one load, compiled together when the first of them is in steady use.</summary>
internal sealed class ConditionTiers
{
    private readonly Lock _lock = new();
    private List<TieredCondition>? _conditions = [];
    private int _started;

    public void Add(TieredCondition condition)
    {
        lock (_lock)
        {
            if (_conditions is not null)
            {
                _conditions.Add(condition);
                return;
            }
        }

        condition.Compile(); // the others have compiled already
    }

    /// <summary>Queues the compilation of every condition of the load, once.</summary>
    public void CompileInBackground()
    {
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static tiers => tiers.CompileAll(), this, preferLocal: false);
        }
    }

    /// <summary>Compiles every condition of the load now (the pool thread's work; tests call it directly).</summary>
    public void CompileAll()
    {
        Volatile.Write(ref _started, 1);
        List<TieredCondition>? conditions;
        lock (_lock)
        {
            (conditions, _conditions) = (_conditions, null);
        }

        if (conditions is null)
        {
            return;
        }

        foreach (var condition in conditions)
        {
            condition.Compile();
        }
    }
}
