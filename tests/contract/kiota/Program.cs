using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Teller.Kiota;
using Teller.Kiota.Models;

// A teller system's first calls through the client Kiota generated from /openapi/rulesets/retail-tiering.json:
// decide with a typed customer, retry with the same Idempotency-Key, then, as an auditor, read back and replay.
var (service, tellerKey, auditorKey) = (args[0], args[1], args[2]);
var teller = Client(tellerKey);

var request = new DecisionRequest
{
    RuleSet = "retail-tiering",
    AsOf = DateTimeOffset.Parse("2026-06-15T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
    Customer = new RetailTieringCustomer
    {
        CustomerId = "KIOTA-0001",
        AvgDailyBalance = 800_000.50m,
        Occupation = RetailTieringCustomer_occupation.Civil_servant,
        ProductsHeld = [RetailTieringCustomer_productsHeld.Fund, RetailTieringCustomer_productsHeld.Credit_card],
        LastTierReviewDate = new Date(2026, 3, 1),
    },
};
var key = $"kiota-{Guid.NewGuid():N}";
var decided = await teller.V1.Decisions.PostAsync(request, c => c.Headers.Add("Idempotency-Key", key));
var retried = await teller.V1.Decisions.PostAsync(request, c => c.Headers.Add("Idempotency-Key", key));
Check(decided?.Tier?.Code == "VIP", $"tier {decided?.Tier?.Code}, expected VIP");
Check(retried?.DecisionId == decided!.DecisionId, "a retry with the same Idempotency-Key was decided again");

// A batch answers each customer: a decision, or the fields at fault.
var refusedCustomer = new RetailTieringCustomer { CustomerId = "KIOTA-0002", AvgDailyBalance = -1 };
var batch = await teller.V1.Decisions.Batch.PostAsync(new BatchDecisionRequest
{
    RuleSet = "retail-tiering", AsOf = request.AsOf, Customers = [request.Customer, refusedCustomer],
});
Check(batch?.Decided == 1 && batch.Items?[0].Decision?.Tier?.Code == "VIP", "the batch did not decide the VIP");
Check(batch?.Items?[1].Errors?.Single().Path == "customer.avgDailyBalance", "the batch did not refuse the balance");

request.Customer.AvgDailyBalance = -1;
try
{
    await teller.V1.Decisions.PostAsync(request);
    Check(false, "a negative balance was decided");
}
catch (ProblemDetails refused)
{
    Check(refused.ResponseStatusCode == 422 && refused.Status == 422,
        $"a negative balance answered {refused.ResponseStatusCode}");
}

var auditor = Client(auditorKey);
var logged = await auditor.V1.Decisions[decided.DecisionId].GetAsync();
Check(logged?.DecisionId == decided.DecisionId && logged.CustomerId == "KIOTA-0001",
    "the decision read back is another");
Check(logged?.RuleSet?.Version == decided.RuleSet?.Version, "the decision read back names another version");
var replay = await auditor.V1.Decisions[decided.DecisionId].Replay.PostAsync();
Check(replay?.Identical == true && replay.Replayed?.Tier?.Code == "VIP",
    $"the replay differs at {replay?.Differences?.FirstOrDefault()?.Path}");
Console.WriteLine($"kiota: decided {decided.DecisionId} VIP (version {decided.RuleSet?.Version}), "
    + "retried, batched, read back, replayed identical");

TellerClient Client(string apiKey)
{
    // The key travels as a default header: Kiota's API-key provider sends keys over https only.
    var http = new HttpClient();
    http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
    {
        BaseUrl = service,
    };
    return new TellerClient(adapter);
}

static void Check(bool condition, string failure)
{
    if (!condition)
    {
        Console.Error.WriteLine($"kiota: {failure}");
        Environment.Exit(1);
    }
}
