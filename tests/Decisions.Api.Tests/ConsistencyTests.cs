using System.Net;
using LiteDB;
using Npgsql;

namespace Decisions.Api.Tests;

/// <summary>Decisions stay consistent while versions change, and tampering with the file is found and named.</summary>
public sealed class ConsistencyTests
{
    [Fact]
    public async Task Decisions_made_while_a_version_is_activated_each_follow_exactly_one_version()
    {
        await using var app = new DecisionsAppFixture();
        await app.ApproveLowerVipThreshold();

        var teller = app.Client("teller");
        var request = new { ruleSet = "retail-tiering", customer = new { customerId = "R-400", avgDailyBalance = 400000, lastTierReviewDate = "2026-03-01" } };
        var decisions = Enumerable.Range(0, 300).Select(async i =>
        {
            await Task.Yield();
            return await (await teller.PostJson("/v1/decisions", request)).Json(HttpStatusCode.OK);
        }).ToList();
        await (await app.Client("approver").PostJson("/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "now" })).Json(HttpStatusCode.OK);
        var answers = await Task.WhenAll(decisions);
        var after = await (await teller.PostJson("/v1/decisions", request)).Json(HttpStatusCode.OK);

        foreach (var answer in answers.Append(after))
        {
            var version = answer.GetProperty("ruleSet").GetProperty("version").GetInt32();
            Assert.Equal(version == 2 ? "VIP" : "TARGET", answer.GetProperty("tier").GetProperty("code").GetString());
        }

        Assert.Equal(2, after.GetProperty("ruleSet").GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("decisions", "customerId", "decision ")]
    [InlineData("audit", "comment", "audit #")]
    [InlineData("versions", "json", "rule set retail-tiering v1")]
    public async Task Editing_the_store_directly_is_detected_and_the_entry_named(string collection, string field, string named)
    {
        var app = new DecisionsAppFixture();
        await (await app.Client("teller").PostJson("/v1/decisions", new { ruleSet = "retail-tiering", customer = new { customerId = "R-1", avgDailyBalance = 10 } })).Json(HttpStatusCode.OK);
        var intact = await (await app.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(intact.GetProperty("intact").GetBoolean());
        await app.StopAsync();

        if (app.PostgresConnectionString is { } postgres)
        {
            await TamperPostgres(postgres, collection);
        }
        else
        {
            TamperLiteDb(app.DataDirectory, collection, field);
        }

        var restarted = app.Reopened();
        try
        {
            var report = await (await restarted.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);

            Assert.False(report.GetProperty("intact").GetBoolean());
            Assert.StartsWith(named, report.GetProperty("firstBroken").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    private static void TamperLiteDb(string dataDirectory, string collection, string field)
    {
        if (collection == "decisions")
        {
            StoredDecisionFile.Edit(dataDirectory, 1, entry => entry[field] = entry[field].AsString + " ");
            return;
        }

        using var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dataDirectory, "decisions.db"), Connection = ConnectionType.Direct });
        var documents = database.GetCollection(collection);
        var target = documents.FindAll().First(d => collection != "versions" || d["name"].AsString == "retail-tiering");
        target[field] = collection == "versions"
            ? target[field].AsString.Replace("500000", "400000", StringComparison.Ordinal)
            : target[field].AsString + " ";
        documents.Update(target);
    }

    // The same edits as in the LiteDB file, made with SQL by someone holding the database's credentials.
    private static async Task TamperPostgres(string connectionString, string table)
    {
        var sql = table switch
        {
            "decisions" => "update decisions set customer_id = customer_id || ' ' where seq = 1",
            "audit" => "update audit set record = jsonb_set(record::jsonb, '{Comment}', to_jsonb(coalesce(record::jsonb->>'Comment', '') || ' '))::text where seq = 1",
            _ => "update versions set record = replace(record, '500000', '400000') where name = 'retail-tiering' and version = 1",
        };
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
