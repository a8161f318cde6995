using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Expressions;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// <see cref="Festivals"/> finds the lunisolar festivals on their published dates, in years with and without a
/// leap month, across the year end, whatever the host's culture; rules and messages can use them.
/// </summary>
public sealed class FestivalsTests
{
    // 2020 has a leap fourth month (the Dragon Boat Festival moves a month number up), 2023 a leap second month.
    [Theory]
    [InlineData("spring", "2020-01-25")]
    [InlineData("spring", "2023-01-22")]
    [InlineData("spring", "2024-02-10")]
    [InlineData("spring", "2025-01-29")]
    [InlineData("spring", "2026-02-17")]
    [InlineData("spring", "2027-02-06")]
    [InlineData("dragon_boat", "2020-06-25")]
    [InlineData("dragon_boat", "2023-06-22")]
    [InlineData("dragon_boat", "2025-05-31")]
    [InlineData("dragon_boat", "2026-06-19")]
    [InlineData("mid_autumn", "2020-10-01")]
    [InlineData("mid_autumn", "2023-09-29")]
    [InlineData("mid_autumn", "2024-09-17")]
    [InlineData("mid_autumn", "2025-10-06")]
    [InlineData("mid_autumn", "2026-09-25")]
    public void A_festival_falls_on_its_published_date(string festival, string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(0, Festivals.DaysUntil(festival, day));
        Assert.Equal(1, Festivals.DaysUntil(festival, day.AddDays(-1)));
        Assert.Equal(festival, Festivals.Next(day));
        Assert.True(Festivals.DaysUntil(festival, day.AddDays(1)) > 300, "the day after, the next one is a year away");
    }

    [Fact]
    public void Across_the_year_end_the_next_spring_festival_is_in_the_new_year()
    {
        Assert.Equal(48, Festivals.DaysUntil("spring", new DateOnly(2025, 12, 31)));
        Assert.Equal(47, Festivals.DaysUntil("spring", new DateOnly(2026, 1, 1)));
        Assert.Equal("spring", Festivals.Next(new DateOnly(2025, 12, 31)));
        Assert.Equal(48, Festivals.DaysUntilNext(new DateOnly(2025, 12, 31)));
        Assert.Equal(353, Festivals.DaysUntil("spring", new DateOnly(2026, 2, 18)));
    }

    [Fact]
    public void Next_names_the_soonest_festival_after_the_last_one()
    {
        Assert.Equal("dragon_boat", Festivals.Next(new DateOnly(2026, 2, 18)));
        Assert.Equal(121, Festivals.DaysUntilNext(new DateOnly(2026, 2, 18)));
        Assert.Equal("mid_autumn", Festivals.Next(new DateOnly(2026, 6, 20)));
        Assert.Equal("spring", Festivals.Next(new DateOnly(2026, 9, 26)));
    }

    [Fact]
    public void Dates_before_the_calendar_are_unknown_and_its_last_years_are_known()
    {
        Assert.Null(Festivals.DaysUntil("mid_autumn", new DateOnly(1900, 6, 1)));
        Assert.Null(Festivals.Next(new DateOnly(1901, 2, 18)));
        Assert.Equal(0, Festivals.DaysUntil("spring", new DateOnly(1901, 2, 19)));
        Assert.NotNull(Festivals.DaysUntil("mid_autumn", new DateOnly(2100, 1, 1)));
    }

    [Fact]
    public void An_unknown_festival_is_an_error_not_a_silent_miss() =>
        Assert.Throws<ArgumentException>(() => Festivals.DaysUntil("christmas", new DateOnly(2026, 1, 1)));

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    [InlineData("zh-TW")]
    public void The_host_culture_and_its_calendar_do_not_move_a_festival(string culture)
    {
        var host = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(0, Festivals.DaysUntil("spring", new DateOnly(2026, 2, 17)));
            Assert.Equal(0, Festivals.DaysUntil("mid_autumn", new DateOnly(2025, 10, 6)));
        }
        finally
        {
            CultureInfo.CurrentCulture = host;
        }
    }

    [Theory]
    [InlineData("2026-02-10T10:00:00+08:00", "GOLD", "春节 2026-02-17 7")]
    [InlineData("2026-02-09T10:00:00+08:00", "BASIC", "春节 2026-02-17 8")]
    [InlineData("2025-12-31T20:00:00Z", "BASIC", "春节 2026-02-17 47")]
    public void Rules_and_messages_read_the_festival_in_the_rule_sets_time_zone(
        string asOf, string tier, string message)
    {
        var json = MinimalRuleSet.With(j =>
        {
            MinimalRuleSet.Tier(j, 0)["when"] = "Festivals.DaysUntil(\"spring\", today) <= 7";
            j["nextActions"]!["rules"]![0]!["message"] = "{{ festival.name }} {{ festival.on }} {{ festival.inDays }}";
            j["tests"] = new JsonArray();
        });
        var ruleSet = Engine.Compile(RuleSetJson.Parse(json.ToJsonString()).RuleSet!);

        var decision = ruleSet.Evaluate(
            JsonDocument.Parse("""{ "customerId": "c", "balance": 5 }""").RootElement,
            DateTimeOffset.Parse(asOf, CultureInfo.InvariantCulture)).Decision!;

        Assert.Equal(tier, decision.Tier.Code);
        Assert.Equal(message, decision.NextAction!.Message);
    }

    [Fact]
    public void A_misspelt_festival_fails_the_decision_rather_than_never_matching()
    {
        var json = MinimalRuleSet.WithTierCondition("Festivals.DaysUntil(\"Spring\", today) <= 7");
        json["tests"] = new JsonArray();
        var result = Engine.Compile(RuleSetJson.Parse(json.ToJsonString()).RuleSet!).Evaluate(
            JsonDocument.Parse("""{ "customerId": "c", "balance": 5 }""").RootElement, DateTimeOffset.UnixEpoch);

        Assert.Equal(DecisionFailure.RuleError, result.Failure);
    }
}
