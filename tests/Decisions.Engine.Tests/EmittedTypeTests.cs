using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Decisions.Engine.Tests;

/// <summary>
/// Every distinct input schema emits classes. They are unloaded with the rule set compiled with them, so a
/// service that validates draft after draft with new field names keeps its memory flat.
/// </summary>
public sealed class EmittedTypeTests
{
    [Fact]
    public void The_emitted_type_of_a_dropped_rule_set_is_collected_after_a_thousand_validations_of_new_schemas()
    {
        var early = ValidateAndDrop(0);

        for (var i = 1; i <= 1_000; i++)
        {
            Assert.True(Engine.Validator.Validate(WithFreshField(i)).IsValid);
        }

        for (var attempt = 0; attempt < 10 && early.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(early.IsAlive, "The class emitted for the first schema is still loaded.");
    }

    [Fact]
    public void A_format_2_rule_set_s_emitted_types_are_collected_too()
    {
        // Format 2 emits a nullable customer class and a plain one for the parser; neither may stay loaded.
        var early = ValidateAndDrop(0, format: 2);

        for (var i = 1; i <= 300; i++)
        {
            Assert.True(Engine.Validator.Validate(WithFreshField(i, format: 2)).IsValid);
        }

        for (var attempt = 0; attempt < 10 && early.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(early.IsAlive, "The class emitted for the first format-2 schema is still loaded.");
    }

    [Fact]
    public void A_compiled_rule_set_still_in_use_keeps_its_type_and_decides()
    {
        var report = Engine.Validator.Validate(WithFreshField(5_000));

        GC.Collect();
        GC.WaitForPendingFinalizers();

        var customer = System.Text.Json.JsonDocument.Parse(
            """{ "customerId": "c", "balance": 5000, "field5000": 1 }""");
        var asOf = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var decision = report.Compiled!.Evaluate(customer.RootElement, asOf);
        Assert.Equal("GOLD", decision.Decision!.Tier.Code);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ValidateAndDrop(int i, int format = 1)
    {
        var report = Engine.Validator.Validate(WithFreshField(i, format));
        Assert.True(report.IsValid);
        return new WeakReference(report.Compiled!.InputType);
    }

    // Format 2: the absent field is null, and null != -1 holds where null >= 0 is unknown.
    private static string WithFreshField(int i, int format = 1) => MinimalRuleSet.With(j =>
    {
        if (format != 1)
        {
            j["format"] = format;
        }

        j["input"]![$"field{i}"] = new JsonObject { ["type"] = "number" };
        j["tiers"]!["rules"]![0]!["when"] = format == 1
            ? $"customer.balance >= params.goldBalance && customer.field{i} >= 0"
            : $"customer.balance >= params.goldBalance && customer.field{i} != -1";
    }).ToJsonString();
}
