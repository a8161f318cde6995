using Teller.NSwag;

// A teller system's first calls through the client NSwag generated from /openapi/rulesets/retail-tiering.json:
// decide with a typed customer, retry with the same Idempotency-Key, then, as an auditor, read back and replay.
var (service, tellerKey, auditorKey) = (args[0], args[1], args[2]);
using var tellerHttp = new HttpClient();
tellerHttp.DefaultRequestHeaders.Add("X-Api-Key", tellerKey);
var teller = new DecisionsClient(tellerHttp) { BaseUrl = service };

var request = new DecisionRequest
{
    RuleSet = "retail-tiering",
    AsOf = DateTimeOffset.Parse("2026-06-15T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
    Customer = new RetailTieringCustomer
    {
        CustomerId = "NSWAG-0001",
        AvgDailyBalance = 800_000.50m,
        Occupation = RetailTieringCustomerOccupation.Civil_servant,
        ProductsHeld = [ProductsHeld.Fund, ProductsHeld.Credit_card],
        LastTierReviewDate = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
    },
};
var key = $"nswag-{Guid.NewGuid():N}";
var decided = await teller.MakeDecisionAsync(key, null, request);
var retried = await teller.MakeDecisionAsync(key, null, request);
Check(decided.Tier.Code == "VIP", $"tier {decided.Tier.Code}, expected VIP");
Check(retried.DecisionId == decided.DecisionId, "a retry with the same Idempotency-Key was decided again");

// A batch answers each customer: a decision, or the fields at fault.
var refusedCustomer = new RetailTieringCustomer { CustomerId = "NSWAG-0002", AvgDailyBalance = -1 };
var batch = await teller.MakeDecisionsAsync(null, null, new BatchDecisionRequest
{
    RuleSet = "retail-tiering", AsOf = request.AsOf, Customers = [request.Customer, refusedCustomer],
});
Check(batch.Decided == 1 && batch.Items.First().Decision.Tier.Code == "VIP", "the batch did not decide the VIP");
Check(batch.Items.Last().Errors.Single().Path == "customer.avgDailyBalance", "the batch did not refuse the balance");

request.Customer.AvgDailyBalance = -1;
try
{
    await teller.MakeDecisionAsync(null, null, request);
    Check(false, "a negative balance was decided");
}
catch (ApiException<ProblemDetails> refused)
{
    Check(refused.StatusCode == 422 && refused.Result.Status == 422,
        $"a negative balance answered {refused.StatusCode}");
    Check(refused.Result.Errors.Single().Path == "customer.avgDailyBalance", "the problem did not name the balance");
}

using var auditorHttp = new HttpClient();
auditorHttp.DefaultRequestHeaders.Add("X-Api-Key", auditorKey);
var auditor = new DecisionsClient(auditorHttp) { BaseUrl = service };
var logged = await auditor.GetDecisionAsync(decided.DecisionId);
Check(logged.DecisionId == decided.DecisionId && logged.CustomerId == "NSWAG-0001",
    "the decision read back is another");
Check(logged.RuleSet.Version == decided.RuleSet.Version, "the decision read back names another version");
var replay = await auditor.ReplayDecisionAsync(decided.DecisionId, null);
Check(replay.Identical && replay.Replayed.Tier.Code == "VIP",
    $"the replay differs at {replay.Differences.FirstOrDefault()?.Path}");
Console.WriteLine($"nswag: decided {decided.DecisionId} VIP (version {decided.RuleSet.Version}), "
    + "retried, batched, read back, replayed identical");

static void Check(bool condition, string failure)
{
    if (!condition)
    {
        Console.Error.WriteLine($"nswag: {failure}");
        Environment.Exit(1);
    }
}
