using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

public sealed partial class CompiledRuleSet
{
    /// <summary>A section's rule codes and conditions, and how its evaluation is written to the trace.</summary>
    private sealed class Section(string name, string[] rules, ConditionSet conditions)
    {
        /// <summary>The index of the first rule that holds (tiers), or -1.</summary>
        public int FirstMatch(Facts facts, List<TraceEntry> trace, List<Problem> problems)
        {
            int index;
            try
            {
                index = conditions.FirstMatch(facts);
            }
            catch (Exception exception) when (IsRuleError(exception))
            {
                var mask = OneByOne(facts, trace, problems, firstOnly: true);
                return mask == 0 ? -1 : System.Numerics.BitOperations.TrailingZeroCount(mask);
            }

            var last = index < 0 ? rules.Length - 1 : index;
            for (var i = 0; i <= last; i++)
            {
                trace.Add(new TraceEntry(name, rules[i], i == index));
            }

            return index;
        }

        /// <summary>Bit i is set when rule i holds (privileges, actions).</summary>
        public ulong AllMatches(Facts facts, List<TraceEntry> trace, List<Problem> problems)
        {
            ulong mask;
            try
            {
                mask = conditions.AllMatches(facts);
            }
            catch (Exception exception) when (IsRuleError(exception))
            {
                return OneByOne(facts, trace, problems, firstOnly: false);
            }

            for (var i = 0; i < rules.Length; i++)
            {
                trace.Add(new TraceEntry(name, rules[i], (mask >> i & 1) != 0));
            }

            return mask;
        }

        private ulong OneByOne(Facts facts, List<TraceEntry> trace, List<Problem> problems, bool firstOnly)
        {
            var mask = 0UL;
            for (var i = 0; i < rules.Length; i++)
            {
                try
                {
                    var holds = conditions.Single(i, facts);
                    trace.Add(new TraceEntry(name, rules[i], holds));
                    mask |= holds ? 1UL << i : 0;
                    if (holds && firstOnly)
                    {
                        break;
                    }
                }
                catch (Exception exception) when (IsRuleError(exception))
                {
                    Failed(name, rules[i], exception, trace, problems);
                    if (firstOnly)
                    {
                        break;
                    }
                }
            }

            return mask;
        }
    }
}
